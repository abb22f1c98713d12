// A generated math-heavy Markdown document of any size (the hardening size tests: core and preview).
// Its one home is scripts/bench/hugeDocument.mjs, so that `npm run bench:vscode` opens the same 10 MB document.
export { hugeDocument } from '../../../scripts/bench/hugeDocument.mjs';
