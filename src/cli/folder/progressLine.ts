import type { CliIO } from '../io';

/** Clears the terminal line the cursor is on. */
const CLEAR = '\r\x1b[2K';

export interface Progress {
  /** One more file done (`name` as shown to the user). */
  done(name: string): void;
  /** Erases the line (before the command prints its results or errors). */
  end(): void;
}

/**
 * `mathdown lint: 12/59 notes/week3.md` rewritten in place on a terminal as files finish; nothing
 * at all when `io.progress` is off (CI logs, pipes), and nothing for a single file.
 */
export function progressLine(io: CliIO, command: string, total: number): Progress {
  if (!io.progress || total < 2) return { done: () => undefined, end: () => undefined };
  let count = 0;
  let shown = false;
  return {
    done(name) {
      count++;
      io.err(`${CLEAR}mathdown ${command}: ${count}/${total} ${name}`);
      shown = true;
    },
    end() {
      if (shown) io.err(CLEAR);
      shown = false;
    },
  };
}
