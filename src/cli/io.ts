/** What a CLI command may touch besides the file system: its output streams and working folder. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
  /** True when `err` is a terminal someone watches: long runs keep a progress line there (never in CI or a pipe). */
  progress?: boolean;
}

/** A usage or input problem: printed as one sentence, exit code 2. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
  }
}
