/**
 * Myers' O((N+M)D) difference algorithm (Myers 1986) over two sequences given only through an
 * equality test, returning the matched index pairs of a shortest edit script (a longest common
 * subsequence), in order. Common prefix and suffix are matched first, so near-identical passages
 * cost almost nothing.
 */
export function myersMatches(n: number, m: number, eq: (i: number, j: number) => boolean): Array<[number, number]> {
  let head = 0;
  while (head < n && head < m && eq(head, head)) head++;
  let tail = 0;
  while (tail < n - head && tail < m - head && eq(n - 1 - tail, m - 1 - tail)) tail++;
  const out: Array<[number, number]> = [];
  for (let i = 0; i < head; i++) out.push([i, i]);
  const middle = middleMatches(n - head - tail, m - head - tail, (i, j) => eq(i + head, j + head));
  for (const [i, j] of middle) out.push([i + head, j + head]);
  for (let t = tail; t > 0; t--) out.push([n - t, m - t]);
  return out;
}

/** The greedy forward pass, keeping each round's frontier so the path can be walked back. */
function middleMatches(n: number, m: number, eq: (i: number, j: number) => boolean): Array<[number, number]> {
  if (n === 0 || m === 0) return [];
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let finalD = -1;
  for (let d = 0; d <= max && finalD < 0; d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && eq(x, y)) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        finalD = d;
        break;
      }
    }
  }
  return walkBack(trace, finalD, n, m);
}

/** Follows the saved frontiers from (n, m) back to (0, 0), collecting the diagonal (matched) steps. */
function walkBack(trace: Int32Array[], finalD: number, n: number, m: number): Array<[number, number]> {
  const matches: Array<[number, number]> = [];
  let x = n;
  let y = m;
  for (let d = finalD; d >= 0; d--) {
    const saved = trace[d];
    const at = (k: number): number => saved[k + d + 1];
    const k = x - y;
    let prevX = 0;
    let prevY = 0;
    if (d > 0) {
      const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
      prevX = at(prevK);
      prevY = prevX - prevK;
    }
    const snakeStartX = d === 0 ? 0 : prevK2x(prevX, prevY, x - y);
    while (x > snakeStartX) {
      x--;
      y--;
      matches.push([x, y]);
    }
    x = prevX;
    y = prevY;
  }
  return matches.reverse();
}

/** Where the snake on diagonal k starts after the single edit step from (prevX, prevY). */
function prevK2x(prevX: number, prevY: number, k: number): number {
  // A step down (insertion) keeps x; a step right (deletion) adds one to x.
  return prevX - prevY === k + 1 ? prevX : prevX + 1;
}
