/**
 * `storytrace eval meter <dir>` and `storytrace eval semeval <csv>`. src/cli/main.ts calls
 * `registerEvalCommands(program, deps)` with the real comparator; eval/main-baseline.ts calls it
 * with the baseline.
 */
import { Command, InvalidArgumentError } from 'commander';
import { formatMeterReport } from './report-format.js';
import { runMeterEval, type CompareFn, type MeterEvalOptions } from './run-meter.js';
import { formatSemEvalReport, runSemEvalEval, type ScoreFn } from './semeval.js';

export interface EvalDeps {
  /** Pairwise comparison: a = source candidate (PA), b = derived candidate (newspaper). */
  compare: CompareFn;
  /** Similarity of two articles, higher = more similar (any scale: only ranks matter). */
  similarity: ScoreFn;
}

function number(name: string, min: number, max: number, integer = false) {
  return (value: string): number => {
    const x = Number(value);
    if (!Number.isFinite(x) || x < min || x > max || (integer && !Number.isInteger(x))) {
      throw new InvalidArgumentError(`${name} must be ${integer ? 'an integer' : 'a number'} in [${min}, ${max}]`);
    }
    return x;
  };
}

function print(result: unknown, json: boolean, text: () => string): void {
  process.stdout.write(json ? `${JSON.stringify(result, null, 2)}\n` : `${text()}\n`);
}

export function registerEvalCommands(program: Command, deps: EvalDeps): Command {
  const evalCmd = program.command('eval').description('measure quality on public benchmarks (METER, SemEval-2022 Task 8)');
  evalCmd
    .command('meter <dir>')
    .description('wholly/partially/non-derived F1 (fixed and cross-validated thresholds) and plagdet on the METER courts corpus')
    .option('--json', 'print the full result as JSON')
    .option('--threshold <x>', 'coverage of the newspaper text at or above which a derived story is wholly derived', number('--threshold', 0, 1))
    .option('--folds <k>', 'cross-validation folds', number('--folds', 2, 100, true))
    .option('--derived-by <rule>', "what decides derived vs not: 'relation' (the comparator's type), 'coverage' (a fitted threshold) or 'model' (a small ordinal model over the comparator's features, fitted in CV)")
    .option('--seed <n>', 'seed of the fold assignment', number('--seed', 0, 2 ** 31, true))
    .option('--limit <n>', 'only the first n stories (smoke runs)', number('--limit', 1, 1e9, true))
    .option('--join-sources', 'compare each story once with all PA texts of its folder joined, not with each in turn')
    .action(async (dir: string, o: { json?: boolean; threshold?: number; folds?: number; derivedBy?: string; seed?: number; limit?: number; joinSources?: boolean }) => {
      if (o.derivedBy !== undefined && o.derivedBy !== 'relation' && o.derivedBy !== 'coverage' && o.derivedBy !== 'model') {
        throw new InvalidArgumentError("--derived-by must be 'relation', 'coverage' or 'model'");
      }
      const options: Partial<MeterEvalOptions> = {};
      if (o.threshold !== undefined) options.whollyThreshold = o.threshold;
      if (o.folds !== undefined) options.folds = o.folds;
      if (o.seed !== undefined) options.seed = o.seed;
      if (o.limit !== undefined) options.limit = o.limit;
      if (o.joinSources) options.joinSources = true;
      if (o.derivedBy !== undefined) options.decideDerivedBy = o.derivedBy as MeterEvalOptions['decideDerivedBy'];
      const result = await runMeterEval(dir, deps.compare, options);
      print(result, o.json === true, () => formatMeterReport(result));
    });
  evalCmd
    .command('semeval <csv>')
    .description('Spearman and ROC AUC of the similarity on the plain en-en pairs of a SemEval-2022 Task 8 CSV')
    .option('--json', 'print the full result as JSON')
    .action(async (csv: string, o: { json?: boolean }) => {
      const result = await runSemEvalEval(csv, deps.similarity);
      print(result, o.json === true, () => formatSemEvalReport(result));
    });
  return evalCmd;
}
