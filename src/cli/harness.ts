/** Runs the CLI in-process for tests, capturing stdout, stderr and the exit code. */
import { runCli } from './program.js';
import type { OutStream, RegisterCommand } from './context.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

class Capture implements OutStream {
  text = '';
  constructor(readonly isTTY = false, readonly columns = 80) {}
  write(chunk: string): boolean {
    this.text += chunk;
    return true;
  }
}

export interface HarnessOptions {
  env?: Record<string, string | undefined>;
  /** Pretend both streams are terminals. */
  tty?: boolean;
  commands?: readonly RegisterCommand[];
  /** Text `add -` reads as standard input. */
  stdin?: string;
}

export async function runInProcess(args: readonly string[], options: HarnessOptions = {}): Promise<CliRun> {
  const stdout = new Capture(options.tty === true);
  const stderr = new Capture(options.tty === true);
  const text = options.stdin;
  const stdin = text === undefined ? undefined : (async function* () { yield text; })();
  const code = await runCli(args, { stdout, stderr, env: options.env ?? {}, stdin }, options.commands);
  return { code, stdout: stdout.text, stderr: stderr.text };
}
