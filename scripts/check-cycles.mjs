// `npm run check:cycles`: fails (exit 1) on any circular import among src/**/*.ts and prints each cycle.
// Uses dpdm's API twice: once with every import, once with TypeScript's type-only imports removed
// (dpdm's `transform`), so that each cycle is labelled as one that exists at run time or one made
// only of type imports. Both kinds fail the check: a type-only cycle still ties the modules together.
import { parseCircular, parseDependencyTree } from 'dpdm';

const FILES = 'src/**/*.ts';

async function cycles(transform) {
  const tree = await parseDependencyTree(FILES, {
    context: process.cwd(),
    tsconfig: 'tsconfig.json',
    transform,
    exclude: /\bnode_modules\b/,
    skipDynamicImports: false,
  });
  return parseCircular(tree);
}

/** A cycle as a canonical string: rotated to start at its smallest module, so that the two runs compare. */
const key = (cycle) => {
  const start = cycle.indexOf([...cycle].sort()[0]);
  return [...cycle.slice(start), ...cycle.slice(0, start)].join(' -> ');
};

const all = await cycles(false);
const runtime = new Set((await cycles(true)).map(key));

if (all.length === 0 && runtime.size === 0) {
  console.log(`check:cycles: no circular imports among ${FILES}`);
  process.exit(0);
}

const keys = new Set(all.map(key));
for (const k of runtime) keys.add(k); // a run-time cycle that the full graph reported along another path
const sorted = [...keys].sort();
console.log(`check:cycles: ${sorted.length} circular import${sorted.length === 1 ? '' : 's'} among ${FILES}:`);
for (const [i, k] of sorted.entries()) {
  const kind = runtime.has(k) ? 'run time' : 'type-only';
  console.log(`  ${i + 1}) [${kind}] ${k} -> ${k.split(' -> ')[0]}`);
}
console.log(`(${runtime.size} of them remain at run time; a type-only cycle disappears when its \`import type\` edge is removed)`);
process.exit(1);
