/**
 * PAN plagdet (Potthast, Stein, Barrón-Cedeño, Rosso: "An Evaluation Framework for Plagiarism
 * Detection", COLING 2010), character level.
 *
 * A case s (gold) and a detection r (system) are each a pair of character ranges: the reused
 * part in the suspicious document (`plg`) and its origin in the source document (`src`).
 * Seen as sets of characters over both documents:
 *   s ⊓ r = s ∩ r if r detects s (overlaps s on the suspicious side and, when sources are
 *           scored, on the source side too), else ∅
 *   prec  = 1/|R| Σ_r |∪_s (s ⊓ r)| / |r|
 *   rec   = 1/|S| Σ_s |∪_r (s ⊓ r)| / |s|
 *   gran  = 1/|S_R| Σ_{s ∈ S_R} |R_s|   (S_R: cases detected at least once; R_s: their detectors)
 *   plagdet = F1(prec, rec) / log2(1 + gran)
 * With `sides: 'suspicious'` only the `plg` ranges count (for corpora, like METER, whose gold
 * marks reuse on the derived text only). Empty R gives precision 0 and granularity 1; empty S
 * gives recall 0 (as PAN's reference script does).
 */

/** A half-open character range [start, end) in one document. */
export interface DocRange {
  doc: string;
  start: number;
  end: number;
}

/** A gold case or a detection. `src` is required when scoring both sides. */
export interface ReuseCase {
  plg: DocRange;
  src?: DocRange;
}

export interface PlagdetOptions {
  /** 'both': characters of the suspicious and source documents (PAN); 'suspicious': plg only. */
  sides: 'both' | 'suspicious';
}

export const DEFAULT_PLAGDET_OPTIONS: PlagdetOptions = { sides: 'both' };

export interface PlagdetResult {
  precision: number;
  recall: number;
  granularity: number;
  plagdet: number;
  cases: number;
  detections: number;
}

function overlap(a: DocRange, b: DocRange): [number, number] | null {
  if (a.doc !== b.doc) return null;
  const start = Math.max(a.start, b.start);
  const end = Math.min(a.end, b.end);
  return end > start ? [start, end] : null;
}

/** Total length of the union of half-open intervals. */
function unionLength(intervals: Array<[number, number]>): number {
  const sorted = [...intervals].sort((x, y) => x[0] - y[0]);
  let total = 0;
  let curStart = -Infinity;
  let curEnd = -Infinity;
  for (const [s, e] of sorted) {
    if (s > curEnd) {
      if (curEnd > curStart) total += curEnd - curStart;
      curStart = s;
      curEnd = e;
    } else if (e > curEnd) curEnd = e;
  }
  if (curEnd > curStart) total += curEnd - curStart;
  return total;
}

function sideLength(r: DocRange): number {
  return Math.max(0, r.end - r.start);
}

/** The characters s ∩ r on each side, or null when r does not detect s. */
function detectedPart(s: ReuseCase, r: ReuseCase, both: boolean): { plg: [number, number]; src: [number, number] | null } | null {
  const plg = overlap(s.plg, r.plg);
  if (!plg) return null;
  if (!both) return { plg, src: null };
  const src = overlap(s.src!, r.src!);
  return src ? { plg, src } : null;
}

function caseLength(c: ReuseCase, both: boolean): number {
  return sideLength(c.plg) + (both ? sideLength(c.src!) : 0);
}

/** Covered share of `unit` by the detected parts (union per side, so overlaps are not double counted). */
function coveredShare(parts: Array<{ plg: [number, number]; src: [number, number] | null }>, size: number): number {
  if (size === 0) return 0;
  const plg = unionLength(parts.map((p) => p.plg));
  const src = unionLength(parts.flatMap((p) => (p.src ? [p.src] : [])));
  return (plg + src) / size;
}

function f1(p: number, r: number): number {
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

/** PAN plagdet of `detections` against gold `cases`; see the module comment for the definition. */
export function plagdet(
  cases: readonly ReuseCase[],
  detections: readonly ReuseCase[],
  options: Partial<PlagdetOptions> = {},
): PlagdetResult {
  const { sides } = { ...DEFAULT_PLAGDET_OPTIONS, ...options };
  const both = sides === 'both';
  if (both && [...cases, ...detections].some((c) => !c.src)) {
    throw new Error("plagdet with sides 'both' needs a src range on every case and detection");
  }
  // Pair up by suspicious document so the work is per document, not |S|·|R| overall.
  const detByDoc = new Map<string, number[]>();
  detections.forEach((r, i) => detByDoc.set(r.plg.doc, [...(detByDoc.get(r.plg.doc) ?? []), i]));
  const partsOfCase = cases.map(() => [] as Array<{ plg: [number, number]; src: [number, number] | null }>);
  const partsOfDet = detections.map(() => [] as Array<{ plg: [number, number]; src: [number, number] | null }>);
  cases.forEach((s, si) => {
    for (const ri of detByDoc.get(s.plg.doc) ?? []) {
      const part = detectedPart(s, detections[ri], both);
      if (part) {
        partsOfCase[si].push(part);
        partsOfDet[ri].push(part);
      }
    }
  });
  const recall = cases.length === 0 ? 0 : cases.reduce((sum, s, i) => sum + coveredShare(partsOfCase[i], caseLength(s, both)), 0) / cases.length;
  const precision =
    detections.length === 0 ? 0 : detections.reduce((sum, r, i) => sum + coveredShare(partsOfDet[i], caseLength(r, both)), 0) / detections.length;
  const detected = partsOfCase.filter((p) => p.length > 0);
  const granularity = detected.length === 0 ? 1 : detected.reduce((sum, p) => sum + p.length, 0) / detected.length;
  return {
    precision,
    recall,
    granularity,
    plagdet: f1(precision, recall) / Math.log2(1 + granularity),
    cases: cases.length,
    detections: detections.length,
  };
}
