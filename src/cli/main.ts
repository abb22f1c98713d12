import { CliError, type CliIO } from './io';
import { COMMANDS, HELP } from './commands';
import { version } from '../../package.json';
import { tuneV8ForShortRuns } from './v8Tuning';

export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(HELP);
    return 0;
  }
  if (name === '--version' || name === '-v') {
    io.out(`${version}\n`);
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`mathdown: unknown command "${name}"; run mathdown --help for the list.\n`);
    return 2;
  }
  try {
    return await command(rest, io);
  } catch (e) {
    if (e instanceof CliError) {
      io.err(`${e.message}\n`);
      return e.exitCode;
    }
    io.err(`mathdown: internal error: ${(e as Error).stack ?? e}\n`);
    return 2;
  }
}

if (require.main === module) {
  tuneV8ForShortRuns();
  const io: CliIO = {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    cwd: process.cwd(),
    progress: process.stderr.isTTY === true && !process.env.CI,
  };
  main(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  });
}
