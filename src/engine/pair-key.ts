/** An unordered pair of article ids, smaller first. */
export type PairKey = `${string}|${string}`;

export function pairKey(x: string, y: string): PairKey {
  return x < y ? `${x}|${y}` : `${y}|${x}`;
}
