/**
 * The one place that turns an error into what the user sees and the exit code. Typed errors
 * (src/errors.ts) get one line and no stack; anything else is a bug and says so.
 */
import { CommanderError } from 'commander';
import { UsageError, UserError } from '../errors.js';
import type { CliIO } from './context.js';

export const EXIT_OK = 0;
/** The user's mistake or bad input: a UserError (also StoreError, InputError). */
export const EXIT_USER = 1;
/** Bad command line: unknown command or option, missing argument. */
export const EXIT_USAGE = 2;
/** A bug (EX_SOFTWARE from sysexits.h): an error nobody anticipated. */
export const EXIT_INTERNAL = 70;

/** Collapses a message to one line so every error is one line on the terminal. */
export function oneLine(message: string): string {
  return message.replace(/\s*\n\s*/g, ' ').trim();
}

/** Prints `err` on stderr and returns the exit code it maps to. */
export function reportError(err: unknown, io: CliIO): number {
  if (err instanceof CommanderError) {
    // Commander already printed its message (or the help / version) through outputError.
    return err.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
  }
  if (err instanceof UsageError) {
    io.stderr.write(`storytrace: ${oneLine(err.message)}\n`);
    return EXIT_USAGE;
  }
  if (err instanceof UserError) {
    io.stderr.write(`storytrace: ${oneLine(err.message)}\n`);
    return EXIT_USER;
  }
  reportInternalError(err, io);
  return EXIT_INTERNAL;
}

export function reportInternalError(err: unknown, io: CliIO): void {
  const message = err instanceof Error ? err.message : String(err);
  io.stderr.write(`storytrace: internal error: ${oneLine(message)}\n`);
  if (io.env.STORYTRACE_DEBUG && err instanceof Error && err.stack) {
    io.stderr.write(err.stack + '\n');
  } else {
    io.stderr.write('storytrace: this is a bug in storytrace; run again with STORYTRACE_DEBUG=1 to see where it happened\n');
  }
}
