/**
 * Typed errors. A UserError is the user's mistake or bad input: the CLI prints its message on
 * one line and exits 1, the server answers 4xx. Anything else is a bug and may show a stack.
 */
export class UserError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'UserError';
    this.code = code;
  }
}

/** Bad input in one file: the message names the file. */
export class InputError extends UserError {
  readonly file: string;
  constructor(file: string, problem: string) {
    super('bad_input', `${file}: ${problem}`);
    this.name = 'InputError';
    this.file = file;
  }
}

/** The database can't be opened, read or written. */
export class StoreError extends UserError {
  constructor(message: string) {
    super('store', message);
    this.name = 'StoreError';
  }
}

/** Bad command-line usage (exit 2). */
export class UsageError extends UserError {
  constructor(message: string) {
    super('usage', message);
    this.name = 'UsageError';
  }
}
