/**
 * Runs the evaluation commands with the BASELINE comparator (eval/baseline.ts), standing in for
 * the real one until it exists:
 *   node --import tsx eval/main-baseline.ts meter /work/shared/datasets/meter-courts [--json]
 *   node --import tsx eval/main-baseline.ts semeval /work/shared/datasets/semeval2022-task8-sample/training_set.csv
 */
import { Command } from 'commander';
import { baselineCompare, baselineSimilarity } from './baseline.js';
import { registerEvalCommands } from './cli.js';

const program = new Command('storytrace-eval-baseline').description('evaluation harness with the word 3-gram containment baseline');
registerEvalCommands(program, {
  compare: (a, b) => baselineCompare(a, b),
  similarity: (a, b) => baselineSimilarity(a, b),
});
await program.parseAsync(['node', 'main-baseline', 'eval', ...process.argv.slice(2)]);
