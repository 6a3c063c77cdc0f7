/**
 * Whether two plain data values (what JSON can carry: strings, numbers, booleans, null, arrays
 * and objects of them) are equal, field by field. The trace shard's cache asks it of every
 * candidate it meets: serialising both articles to compare them cost more than a field walk
 * and made a string as long as the article each time.
 */
export function plainEqual(x: unknown, y: unknown): boolean {
  if (x === y) return true;
  if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return false;
  if (Array.isArray(x)) return Array.isArray(y) && arraysEqual(x, y);
  if (Array.isArray(y)) return false;
  return objectsEqual(x as Record<string, unknown>, y as Record<string, unknown>);
}

function arraysEqual(x: readonly unknown[], y: readonly unknown[]): boolean {
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (!plainEqual(x[i], y[i])) return false;
  return true;
}

/** Keys whose value is undefined count as absent, as in JSON. */
function objectsEqual(x: Record<string, unknown>, y: Record<string, unknown>): boolean {
  let defined = 0;
  for (const key in x) {
    if (x[key] === undefined) continue;
    defined++;
    if (!Object.hasOwn(y, key) || !plainEqual(x[key], y[key])) return false;
  }
  for (const key in y) if (y[key] !== undefined) defined--;
  return defined === 0;
}
