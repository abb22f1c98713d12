#!/usr/bin/env node
// Serves a real VS Code (code-server on 127.0.0.1) with Mathdown loaded in development mode and
// prints the URL that opens examples/showcase.md with its preview. Runs until Ctrl-C.
//   node scripts/e2e/serve.mjs [--port 8080] [--file examples/showcase.md]
import path from 'node:path';
import { argv, defaults, repoRoot, requireToolchain, startCodeServer } from '../../test/e2e/lib.mjs';

const file = path.resolve(argv('file', path.join(repoRoot, 'examples/showcase.md')));
requireToolchain(defaults.codeServer, defaults.node24);
const server = await startCodeServer({
  codeServer: defaults.codeServer,
  node24: defaults.node24,
  port: argv('port') ? Number(argv('port')) : undefined,
  env: { MATHDOWN_OPEN_PREVIEW: '1' },
});
const remote = (p) => `vscode-remote://${server.authority}${p}`;
const payload = [
  ['extensionDevelopmentPath', remote(repoRoot)],
  ['openFile', remote(file)],
  ['skipWelcome', 'true'],
];
const url = `${server.base}/?folder=${encodeURIComponent(path.dirname(file))}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
console.log(
  `\nMathdown is running in VS Code (code-server). Open this URL in a browser on this machine:\n\n  ${url}\n\nPress Ctrl-C to stop.`,
);
let stopping = false;
const stop = () => {
  stopping = true;
  server.cleanup();
  setTimeout(() => process.exit(0), 700);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
server.proc.on('exit', (code) => {
  if (stopping) return;
  console.error(`code-server exited (${code}); log: ${server.tmp}/server.log`);
  process.exit(1);
});
