/** `storytrace eval meter|semeval`: the evaluation harness (eval/) with the real engine. */
import type { Command } from 'commander';
import { registerEvalCommands } from '../../../eval/cli.js';
import { createEngine, type Engine } from '../../engine/engine.js';
import { compareTexts, reuseScore, sameStoryScore } from '../../engine/texts.js';
import type { CliContext, RegisterCommand } from '../context.js';

export const registerEval: RegisterCommand = (program: Command, _ctx: CliContext) => {
  let engine: Engine | null = null;
  const get = () => (engine ??= createEngine());
  registerEvalCommands(program, {
    compare: (a, b, aName, bName) => {
      const rel = compareTexts(get(), a, b, aName, bName);
      return { ...rel, reuse_b: reuseScore(rel, 'b') };
    },
    similarity: (a, b) => sameStoryScore(compareTexts(get(), a, b)),
  });
};
