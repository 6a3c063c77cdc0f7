/**
 * A small ordinal (proportional-odds) logistic regression: one weight per feature and K-1 cut
 * points for K ordered classes. METER's non < partially < wholly derived are ordered by how much
 * of the story comes from the wire, so one linear "how derived" score with two cuts is the
 * natural shape, with few parameters to fit (features + 2).
 *
 * Features are standardised on the training data; the fit is plain gradient descent from zero
 * with an L2 penalty on the weights (not the cuts), a fixed number of steps: deterministic.
 */

export interface OrdinalOptions {
  /** L2 penalty on the (standardised) weights, per training item. */
  l2: number;
  /** Gradient steps. */
  steps: number;
  /** Step size. */
  rate: number;
}

export const DEFAULT_ORDINAL_OPTIONS: OrdinalOptions = { l2: 0.01, steps: 3000, rate: 0.5 };

export interface OrdinalModel {
  mean: number[];
  sd: number[];
  weights: number[];
  /** Increasing cut points on the score: class k when cuts[k-1] ≤ score < cuts[k]. */
  cuts: number[];
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

function standardiser(rows: readonly number[][]): { mean: number[]; sd: number[] } {
  const d = rows[0]?.length ?? 0;
  const mean = new Array<number>(d).fill(0);
  const sd = new Array<number>(d).fill(0);
  for (const r of rows) r.forEach((v, j) => (mean[j] += v / rows.length));
  for (const r of rows) r.forEach((v, j) => (sd[j] += (v - mean[j]) ** 2 / rows.length));
  return { mean, sd: sd.map((v) => (v > 1e-12 ? Math.sqrt(v) : 1)) };
}

/** The linear score of one (raw) feature row. */
export function ordinalScore(m: OrdinalModel, row: readonly number[]): number {
  let s = 0;
  for (let j = 0; j < row.length; j++) s += m.weights[j] * ((row[j] - m.mean[j]) / m.sd[j]);
  return s;
}

/** Probability of each class 0..K-1 for one row. */
export function ordinalProbabilities(m: OrdinalModel, row: readonly number[]): number[] {
  const s = ordinalScore(m, row);
  const below = [0, ...m.cuts.map((c) => sigmoid(c - s)), 1]; // P(y < k)
  return below.slice(1).map((p, k) => p - below[k]);
}

/** Most probable class of one row. */
export function ordinalPredict(m: OrdinalModel, row: readonly number[]): number {
  const p = ordinalProbabilities(m, row);
  return p.indexOf(Math.max(...p));
}

/** One gradient step's worth: gradient of the mean negative log-likelihood plus the L2 term. */
function gradient(z: number[][], y: readonly number[], w: number[], cuts: number[], l2: number) {
  const gw = w.map((v) => 2 * l2 * v);
  const gc = new Array<number>(cuts.length).fill(0);
  const n = z.length;
  for (let i = 0; i < n; i++) {
    const s = z[i].reduce((acc, v, j) => acc + w[j] * v, 0);
    const k = y[i];
    // P(y = k) = F(c_k - s) - F(c_{k-1} - s), with F(+inf) = 1, F(-inf) = 0.
    const upper = k < cuts.length ? sigmoid(cuts[k] - s) : 1;
    const lower = k > 0 ? sigmoid(cuts[k - 1] - s) : 0;
    const p = Math.max(upper - lower, 1e-12);
    const dUpper = k < cuts.length ? upper * (1 - upper) : 0;
    const dLower = k > 0 ? lower * (1 - lower) : 0;
    // d(-log p)/ds = (dUpper - dLower) / p ; d/dc_k = -dUpper / p ; d/dc_{k-1} = dLower / p
    const ds = (dUpper - dLower) / p;
    z[i].forEach((v, j) => (gw[j] += (ds * v) / n));
    if (k < cuts.length) gc[k] -= dUpper / p / n;
    if (k > 0) gc[k - 1] += dLower / p / n;
  }
  return { gw, gc };
}

/** Fits the model to rows (raw features) and classes 0..classes-1. */
export function fitOrdinal(rows: readonly number[][], y: readonly number[], classes: number, options: Partial<OrdinalOptions> = {}): OrdinalModel {
  const opts = { ...DEFAULT_ORDINAL_OPTIONS, ...options };
  const { mean, sd } = standardiser(rows);
  const z = rows.map((r) => r.map((v, j) => (v - mean[j]) / sd[j]));
  const w = new Array<number>(mean.length).fill(0);
  let cuts = Array.from({ length: classes - 1 }, (_, k) => k - (classes - 2) / 2);
  for (let step = 0; step < opts.steps; step++) {
    const { gw, gc } = gradient(z, y, w, cuts, opts.l2);
    gw.forEach((g, j) => (w[j] -= opts.rate * g));
    cuts = cuts.map((c, k) => c - opts.rate * gc[k]);
    // Keep the cuts ordered (a step can cross them when classes are nearly empty).
    for (let k = 1; k < cuts.length; k++) if (cuts[k] < cuts[k - 1] + 1e-6) cuts[k] = cuts[k - 1] + 1e-6;
  }
  return { mean, sd, weights: w, cuts };
}
