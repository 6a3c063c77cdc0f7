/**
 * The analysis modules (engine, lexicon, HTML extraction, story building) take about a second
 * to import. Pages that only read the store must not wait for them, so routes that analyse load
 * them on first use, and the server warms them up shortly after it starts listening.
 */
import type { Engine } from '../engine/engine.js';

export { QUOTES_SETTING as QUOTES_SETTING_KEY } from '../engine/settings.js';

type Analysis = typeof import('./analysis.js');
let loading: Promise<Analysis> | null = null;

export function analysisModules(): Promise<Analysis> {
  return (loading ??= import('./analysis.js'));
}

let engine: Engine | null = null;

/** The one engine of the process (loads the lexicon once, ~150 ms). */
export async function sharedEngine(): Promise<Engine> {
  if (!engine) engine = (await analysisModules()).createEngine();
  return engine;
}
