/** A pasted text handed from one page to another (the trace page's "compare" links) in memory only. */
let pasted: { text: string; html: boolean } | null = null;

export function setPasted(value: { text: string; html: boolean } | null): void {
  pasted = value;
}

export function getPasted(): { text: string; html: boolean } | null {
  return pasted;
}
