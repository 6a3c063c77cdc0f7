import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project's root folder (holds package.json). */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * `../shared` beside the project (seeds, datasets). Tests that need it call `sharedPath(...)`
 * and skip with `SHARED_MISSING` when it returns null; nothing from it is copied in.
 */
export function sharedPath(...parts: string[]): string | null {
  const root = process.env.STORYTRACE_SHARED ?? join(PROJECT_ROOT, '..', 'shared');
  const p = join(root, ...parts);
  return existsSync(p) ? p : null;
}

export const SHARED_MISSING =
  'skipped: ../shared (seeds and public datasets) is not beside the project; set STORYTRACE_SHARED to its path';
