/**
 * `storytrace add --queue`: reads the inputs here and queues one ingest job per document (so
 * workers need no access to this machine's files), then one analyze job after them. Returns
 * as soon as the jobs are in the database; `storytrace worker` processes them.
 */
import { InputError } from '../errors.js';
import { readInputs } from '../ingest/index.js';
import { PgJobQueue } from './pg-queue.js';
import type { IngestPayload } from './queue.js';

export interface EnqueueReport {
  queued: number;
  /** Inputs that could not be read (they are not queued). */
  errors: { source: string; message: string }[];
}

/** Documents sent to the database per round trip. */
const SEND_EVERY = 500;

export async function enqueueInputs(
  spec: string,
  paths: string[],
  options: { stdin?: AsyncIterable<Uint8Array | string> | null; allowPrivate?: boolean; analyze?: boolean } = {},
): Promise<EnqueueReport> {
  const queue = await PgJobQueue.open(spec);
  const report: EnqueueReport = { queued: 0, errors: [] };
  try {
    let pending: IngestPayload[] = [];
    const send = async () => {
      report.queued += await queue.enqueueIngest(pending);
      pending = [];
    };
    for await (const item of readInputs(paths, { stdin: options.stdin ?? null, allowPrivate: options.allowPrivate === true })) {
      if (item instanceof InputError) report.errors.push({ source: item.file, message: item.message });
      else pending.push({ doc: item });
      if (pending.length >= SEND_EVERY) await send();
    }
    await send();
    if (options.analyze !== false && report.queued > 0) await queue.enqueueAnalyze();
  } finally {
    await queue.close();
  }
  return report;
}
