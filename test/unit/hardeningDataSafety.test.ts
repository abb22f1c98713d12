// Data safety: (1) every place in src/vscode/ that edits documents or writes files is on an explicit
// command or quick-fix path (an allowlist with a reason each; the reason's claim is checked in the
// file); (2) `mathdown export` killed at any point leaves the target absent or the complete previous
// file, never a partial one, and the source untouched; stray temporary files are reported.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { after, test } from 'node:test';

const ROOT = resolve(__dirname, '../../..');
const CLI = join(ROOT, 'dist/cli.js');

const EDITS =
  /\bWorkspaceEdit\b|\bapplyEdit\s*\(|\.edit\s*\(|\bwriteFile\w*\s*\(|workspace\.fs\.\w+|\bexportToFile\s*\(|\bwriteFileAtomic\s*\(|\b(?:unlink|rename|rm|rmSync|truncate)\s*\(/;

/** Files under src/vscode that may edit documents or write files, why, and a text in the file that shows the path. */
const ALLOWED: Record<string, { why: string; shows: RegExp }> = {
  'src/vscode/lint/index.ts': {
    why: 'the handler of the mathdown.lint.fixAll command (its entry in the command table, src/vscode/commands/productCommands.ts) applies the fix-all edit',
    shows: /fixAll: async \(\) =>/,
  },
  'src/vscode/lint/lintCodeActions.ts': {
    why: 'quick fixes and "Fix all": CodeAction.edit, applied by VS Code only when the user picks the action',
    shows: /provideCodeActions\(/,
  },
  'src/vscode/lint/toDiagnostic.ts': {
    why: 'builds the WorkspaceEdit of a code action from core text edits (applies nothing)',
    shows: /export function toWorkspaceEdit/,
  },
  'src/vscode/typesetCacheStore.ts': {
    why: "writes and deletes only its own formula-cache file in the extension's global storage, never a document or a file of the user",
    shows: /this\.file = join\(folder, FILE_NAME\)/,
  },
  'src/vscode/export/exportCommand.ts': {
    why: 'the handler of the mathdown.export.html command (its entry in the command table) writes the chosen HTML file (never the source: exportToFile refuses)',
    shows: /export function exportHtmlCommand\(/,
  },
  'src/vscode/preview/openLink.ts': {
    why: "reads only: workspace.fs.stat tells whether a clicked link's target exists, so that a missing one opens nothing (it writes nothing)",
    shows: /await vscode\.workspace\.fs\.stat\(uri\);\n\s*return false;/,
  },
};

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : p.endsWith('.ts') ? [p] : [];
  });
}

test('document edits and file writes in src/vscode happen only on command and quick-fix paths', () => {
  const hits: string[] = [];
  const files = new Set<string>();
  for (const file of walk(join(ROOT, 'src/vscode'))) {
    const rel = relative(ROOT, file);
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (/^\s*(\/\/|\*)/.test(line) || !EDITS.test(line)) return;
        hits.push(`${rel}:${i + 1}: ${line.trim()}`);
        files.add(rel);
      });
  }
  console.log(
    `${hits.length} edit/write sites in src/vscode, in ${files.size} allowlisted files:\n${hits.map((h) => `  ${h}`).join('\n')}`,
  );
  for (const rel of files) {
    const allowed = ALLOWED[rel];
    assert.ok(allowed, `${rel} edits documents or writes files but is not on the allowlist`);
    assert.match(readFileSync(join(ROOT, rel), 'utf8'), allowed.shows, `${rel}: ${allowed.why}`);
  }
  // Nothing edits on its own: no edit inside save/change/open listeners.
  for (const file of walk(join(ROOT, 'src/vscode'))) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/on(?:Will|Did)(?:Save|Change|Open)TextDocument\s*\(([^;]*)/g)) {
      assert.doesNotMatch(m[1]!, /applyEdit|\.edit\(|WorkspaceEdit|writeFile/, `${relative(ROOT, file)}: an editor event handler edits`);
    }
  }
});

// ---------------------------------------------------------------------------------------------

const dir = mkdtempSync(join(tmpdir(), 'mathdown-kill-export-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** A document whose export is quick to typeset but long to write: formulas, and large embedded images. */
function bigDocument(): string {
  const parts: string[] = ['# A large document\n'];
  for (let k = 0; k < 300; k++) parts.push(`Paragraph ${k} with $x_{${k % 20}} + \\alpha$ and\n\n$$\n\\sum_{i=0}^{n} i^2\n$$\n`);
  for (let k = 0; k < 3; k++) parts.push(`![figure ${k}](figure${k}.png)\n`);
  return parts.join('\n');
}

/** Runs the export and SIGKILLs it `delayMs` after start (or once it has written a temp file, for 'temp'). */
function exportKilled(cwd: string, when: number | 'temp'): Promise<{ killed: boolean }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [CLI, 'export', 'big.md', '-o', 'out.html'], { cwd, stdio: 'ignore' });
    let killed = false;
    const kill = (): void => {
      if (child.exitCode === null && !killed) {
        killed = child.kill('SIGKILL');
      }
    };
    let poll: NodeJS.Timeout | undefined;
    if (when === 'temp') {
      const before = new Set(readdirSync(cwd));
      poll = setInterval(() => {
        if (readdirSync(cwd).some((f) => f.endsWith('.tmp') && !before.has(f))) kill();
      }, 1);
    }
    const timer = typeof when === 'number' ? setTimeout(kill, when) : undefined;
    child.on('exit', () => {
      if (poll) clearInterval(poll);
      // A pending kill timer (600 s for the run to completion) would keep this test file alive.
      if (timer) clearTimeout(timer);
      done({ killed });
    });
  });
}

test('a killed export leaves the previous file or the complete new one, never a partial file', async () => {
  const source = bigDocument();
  writeFileSync(join(dir, 'big.md'), source);
  for (let k = 0; k < 3; k++) writeFileSync(join(dir, `figure${k}.png`), randomBytes(6 * 1024 * 1024));
  const previous = '<!DOCTYPE html>\n<p>the previous export</p>\n</html>\n';
  writeFileSync(join(dir, 'out.html'), previous);

  const outcomes: string[] = [];
  let strays = 0;
  for (const when of [50, 300, 800, 1500, 'temp', 'temp', 'temp'] as const) {
    const { killed } = await exportKilled(dir, when);
    const out = readFileSync(join(dir, 'out.html'), 'utf8');
    const complete = out.startsWith('<!DOCTYPE html>') && out.endsWith('</html>\n');
    assert.ok(
      out === previous || complete,
      `after a kill at ${when}: out.html is the previous file or a complete export (${out.length} chars)`,
    );
    assert.equal(readFileSync(join(dir, 'big.md'), 'utf8'), source, 'the source is untouched');
    const temps = readdirSync(dir).filter((f) => f.endsWith('.tmp'));
    strays = temps.length;
    outcomes.push(
      `${when}${typeof when === 'number' ? ' ms' : ''}: ${killed ? 'killed' : 'finished'}, out.html ${out === previous ? 'previous' : 'new, complete'}, ${temps.length} temp file(s)`,
    );
  }
  // A run to completion: the new file, and what it does with temp files left by killed runs.
  const { killed } = await exportKilled(dir, 600_000);
  assert.equal(killed, false);
  const out = readFileSync(join(dir, 'out.html'), 'utf8');
  assert.ok(out.endsWith('</html>\n') && out.length > 15_000_000, 'the completed export is whole');
  const left = readdirSync(dir).filter((f) => f.endsWith('.tmp'));
  console.log(
    `export killed at several points (${source.length} chars of Markdown → ${out.length} chars of HTML):\n${outcomes.map((o) => `  ${o}`).join('\n')}`,
  );
  console.log(
    `stray temp files: ${strays} after the kills, ${left.length} after the next complete run (${left.length ? 'NOT cleaned' : 'cleaned'})`,
  );
  assert.equal(left.length, 0, 'temp files of killed exports are cleaned by the next export');
  assert.ok(existsSync(join(dir, 'big.md')));
});
