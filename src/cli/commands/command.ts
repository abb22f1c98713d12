import type { CliIO } from '../io';

/** One CLI command: its arguments after the command name, and where it writes; resolves to the exit code. */
export type Command = (args: string[], io: CliIO) => Promise<number>;
