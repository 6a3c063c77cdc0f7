/**
 * The `storytrace` command (bin/storytrace.js loads the built copy of this file). Commands are
 * listed in src/cli/commands/index.ts: adding one is one line there.
 */
import { runCli } from './program.js';
import { applyV8Flags } from './v8-flags.js';

// before any command runs: V8 flags that the work depends on (see the file)
applyV8Flags();

// `storytrace list | head` closes the pipe early: that is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});
