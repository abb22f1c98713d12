// Types for regexInventory.mjs (imported by test/unit/regexSafety.test.ts).
export interface InventoryRegex {
  /** `file:line` for source regexes, `file#json.path` for grammar patterns. */
  id: string;
  kind: 'literal' | 'constructor' | 'textmate';
  /** The code as written (a literal, a RegExp call, a grammar pattern). */
  code: string;
  pattern: string;
  flags: string;
  /** Expressions of a RegExp call that could not be evaluated statically (replaced by `x`). */
  dynamic: string[];
}
export declare function sourceRegexes(file: string, root: string): InventoryRegex[];
export declare function grammarRegexes(file: string, root: string): InventoryRegex[];
export declare function regexInventory(root: string): InventoryRegex[];
