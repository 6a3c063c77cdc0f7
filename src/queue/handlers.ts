/**
 * What each job kind does. Both are safe to run again after a crash at any point:
 * - ingest stores articles through storeArticle, which dedupes by content hash and finishes the
 *   indexing of an article a killed run left half-indexed;
 * - analyze relates only pairs with no stored relation (upserts keyed by pair) and replaces
 *   stories whole, under a database-wide lock so two analyses never interleave.
 */
import { InputError } from '../errors.js';
import { analyzeStore } from '../engine/analyze-store.js';
import type { Engine } from '../engine/engine.js';
import { storeArticle, type IngestEvent } from '../engine/ingest.js';
import { StoreCandidateIndex } from '../fingerprint/candidates.js';
import { prepareArticle, readInputs } from '../ingest/index.js';
import type { Store } from '../store/store.js';
import type { RawDocument } from '../types.js';
import type { ClaimedJob, IngestPayload } from './queue.js';

export interface JobEnvironment {
  store: Store;
  engine: Engine;
  /** Runs `work` while holding the one analysis lock of this database. */
  withAnalyzeLock<T>(work: () => Promise<T>): Promise<T>;
  /** Fetch URLs on private addresses too (as `add --allow-private`). */
  allowPrivate?: boolean;
}

/** Runs one job; what it returns is stored as the job's result. Throws to fail the attempt. */
export async function runJob(env: JobEnvironment, job: ClaimedJob): Promise<unknown> {
  if (job.kind === 'analyze') {
    return env.withAnalyzeLock(async () => {
      const result = await analyzeStore(env.engine, env.store);
      return { computed: result.computed, relations: result.relations.length, stories: result.stories.length };
    });
  }
  return ingest(env, job.payload as IngestPayload);
}

async function ingest(env: JobEnvironment, payload: IngestPayload): Promise<unknown> {
  const index = new StoreCandidateIndex(env.store, env.engine.options.index);
  const events: IngestEvent[] = [];
  const errors: string[] = [];
  const store = async (raw: RawDocument) => {
    events.push(await storeArticle(env.store, index, env.engine, prepareArticle(raw)));
  };
  if ('doc' in payload) {
    await store(payload.doc);
  } else {
    for await (const item of readInputs([payload.path], { allowPrivate: env.allowPrivate === true })) {
      if (item instanceof InputError) errors.push(item.message);
      else await store(item).catch((err: unknown) => errors.push(`${item.source}: ${messageOf(err)}`));
    }
  }
  // Documents that did go in stay in (re-running stores nothing twice); the job fails so the
  // refused ones are retried and, if they keep failing, shown in status.
  if (errors.length > 0) throw new Error(errors.join('; '));
  return events.map((e) => (e.kind === 'error' ? { kind: e.kind } : { kind: e.kind, id: e.id }));
}

export function messageOf(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).replace(/\s+/g, ' ').trim();
}
