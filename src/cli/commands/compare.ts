/** `storytrace compare <a> <b>` and `compare --batch pairs.tsv`: the relation of two texts. */
import type { Command } from 'commander';
import type { CliContext, RegisterCommand } from '../context.js';
import type { CompareFlags } from './compare-run.js';

export const registerCompare: RegisterCommand = (program: Command, ctx: CliContext) => {
  program
    .command('compare')
    .description('compare two texts (files or stored ids): relation, direction, reused passages, substitutions')
    .argument('[a]', 'a file, or the id of a stored article')
    .argument('[b]', 'a file, or the id of a stored article')
    .option('--batch <pairs.tsv>', 'compare many pairs: lines "pathA<TAB>pathB"; one JSON object per line')
    .option('--json', 'print the relation as JSON')
    .option('--passages <n>', 'passages to print side by side (text output)', '20')
    .action(async (a: string | undefined, b: string | undefined, flags: CompareFlags) =>
      (await import('./compare-run.js')).runCompare(ctx, a, b, flags));
};
