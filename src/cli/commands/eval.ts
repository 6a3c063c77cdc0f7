/** `storytrace eval meter|semeval`: the evaluation harness (eval/) with the real engine. */
import type { Command } from 'commander';
import { registerEvalCommands } from '../../../eval/cli.js';
import type { Engine } from '../../engine/engine.js';
import type { CliContext, RegisterCommand } from '../context.js';

export const registerEval: RegisterCommand = (program: Command, _ctx: CliContext) => {
  // The engine is loaded on the first comparison, so `storytrace --help` stays fast.
  let loaded: Promise<{ engine: Engine; texts: typeof import('../../engine/texts.js') }> | null = null;
  const get = () =>
    (loaded ??= (async () => {
      const { createEngine } = await import('../../engine/engine.js');
      return { engine: createEngine(), texts: await import('../../engine/texts.js') };
    })());
  registerEvalCommands(program, {
    compare: async (a, b, aName, bName) => {
      const { engine, texts } = await get();
      const rel = texts.compareTexts(engine, a, b, aName, bName);
      return { ...rel, reuse_b: texts.reuseScore(rel, 'b') };
    },
    similarity: async (a, b) => {
      const { engine, texts } = await get();
      return texts.sameStoryScore(texts.compareTexts(engine, a, b));
    },
  });
};
