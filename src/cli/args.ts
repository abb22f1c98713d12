import { CliError } from './io';

export interface ParsedArgs {
  positional: string[];
  flags: Record<string, string | true>;
}

/**
 * Splits argv into positionals and `--flag [value]` / `-o value` options. `valued` lists the
 * options that take a value; any other option is boolean. Unknown options are usage errors.
 */
export function parseArgs(
  argv: readonly string[],
  valued: readonly string[],
  boolean: readonly string[],
  aliases: Record<string, string> = {},
): ParsedArgs {
  const positional: string[] = [];
  const flags: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    let a = argv[i];
    if (a === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (!a.startsWith('-') || a === '-') {
      positional.push(a);
      continue;
    }
    let value: string | undefined;
    const eq = a.indexOf('=');
    if (a.startsWith('--') && eq > 0) {
      value = a.slice(eq + 1);
      a = a.slice(0, eq);
    }
    const name = aliases[a] ?? a.replace(/^--?/, '');
    if (valued.includes(name)) {
      value ??= argv[++i];
      if (value === undefined) throw new CliError(`mathdown: option --${name} needs a value.`);
      flags[name] = value;
    } else if (boolean.includes(name) && value === undefined) {
      flags[name] = true;
    } else {
      throw new CliError(`mathdown: unknown option ${a}; see mathdown --help.`);
    }
  }
  return { positional, flags };
}
