/**
 * The `storytrace` command (bin/storytrace.js loads the built copy of this file). Commands are
 * listed in src/cli/commands/index.ts: adding one is one line there.
 */
// First: V8 flags that must hold before any work (see the file).
import './v8-flags.js';
import { runCli } from './program.js';

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
