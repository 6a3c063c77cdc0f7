/**
 * Builds the commander program and runs it with a given argv and IO, returning the exit code.
 * main.ts runs it for real; tests run it in-process with buffers.
 */
import { Command, Option } from 'commander';
import { COMMANDS } from './commands/index.js';
import { DEFAULT_DB, type CliContext, type CliIO, type RegisterCommand } from './context.js';
import { EXIT_OK, reportError } from './errors.js';
import { VERSION } from './version.js';

export function buildProgram(ctx: CliContext, commands: readonly RegisterCommand[] = COMMANDS): Command {
  const program = new Command('storytrace');
  program
    .description('Finds, in a pile of news articles, which are the same story, who copied whom, how, and what they changed.')
    .version(VERSION, '-V, --version')
    .addOption(new Option('--db <path>', 'database file (env STORYTRACE_DB)').default(ctx.io.env.STORYTRACE_DB || DEFAULT_DB))
    // Set before adding commands: subcommands copy these settings when created.
    .exitOverride()
    .configureOutput({
      writeOut: (s) => ctx.io.stdout.write(s),
      writeErr: (s) => ctx.io.stderr.write(s),
      outputError: (s, write) => write(s.replace(/^error: /, 'storytrace: ')),
    })
    .showHelpAfterError('(run storytrace --help, or storytrace <command> --help, for usage)')
    .showSuggestionAfterError(true);
  for (const register of commands) register(program, ctx);
  return program;
}

/** Runs the program on `argv` (arguments only, without node and the script). */
export async function runCli(argv: readonly string[], io: CliIO, commands?: readonly RegisterCommand[]): Promise<number> {
  let exitCode = EXIT_OK;
  let program: Command | undefined;
  const ctx: CliContext = {
    io,
    dbSpec: () => String(program?.opts().db ?? io.env.STORYTRACE_DB ?? DEFAULT_DB),
    setExitCode: (code) => {
      exitCode = Math.max(exitCode, code);
    },
  };
  try {
    program = buildProgram(ctx, commands);
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (err) {
    return Math.max(exitCode, reportError(err, io));
  }
}
