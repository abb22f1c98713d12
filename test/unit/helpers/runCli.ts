import { main } from '../../../src/cli/main';

/** The CLI run in this process from `cwd`, with what it printed on each stream. */
export async function runCli(cwd: string, argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, {
    cwd,
    out: (t) => {
      out += t;
    },
    err: (t) => {
      err += t;
    },
  });
  return { code, out, err };
}
