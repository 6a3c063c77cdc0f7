/**
 * Every command of the program, in help order. To add one: write commands/<name>.ts exporting
 * a RegisterCommand (see list.ts for a short example) and add it to this list.
 */
import type { RegisterCommand } from '../context.js';
import { registerAdd } from './add.js';
import { registerList } from './list.js';
import { registerShow } from './show.js';
import { registerCompare } from './compare.js';
import { registerTrace } from './trace.js';
import { registerAnalyze } from './analyze.js';
import { registerStories } from './stories.js';
import { registerEval } from './eval.js';
import { registerBench } from './bench.js';
import { registerServe } from './serve.js';
import { registerWorker } from './worker.js';
import { registerStatus } from './status.js';
import { registerReindex } from './reindex.js';
import { registerCompact } from './compact.js';

export const COMMANDS: readonly RegisterCommand[] = [
  registerAdd,
  registerList,
  registerShow,
  registerCompare,
  registerTrace,
  registerAnalyze,
  registerReindex,
  registerCompact,
  registerStories,
  registerEval,
  registerServe,
  registerWorker,
  registerStatus,
  registerBench,
];
