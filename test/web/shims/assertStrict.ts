// `node:assert/strict` for the integration suites bundled into VS Code's web worker extension host,
// which has no Node built-ins: the assertions the suites use, with the same meaning (strict
// equality, deep equality of plain data, regular expressions, rejections).

export class AssertionError extends Error {
  override name = 'AssertionError';
}

function fail(message: string | Error | undefined, fallback: string): never {
  if (message instanceof Error) throw message;
  throw new AssertionError(message ?? fallback);
}

const show = (v: unknown): string => {
  try {
    return typeof v === 'string' ? JSON.stringify(v) : (JSON.stringify(v) ?? String(v));
  } catch {
    return String(v);
  }
};

export function ok(value: unknown, message?: string | Error): asserts value {
  if (!value) fail(message, `expected a truthy value, got ${show(value)}`);
}

export function equal<T>(actual: unknown, expected: T, message?: string | Error): asserts actual is T {
  if (!Object.is(actual, expected)) fail(message, `${show(actual)} !== ${show(expected)}`);
}
export const strictEqual = equal;

export function notEqual(actual: unknown, expected: unknown, message?: string | Error): void {
  if (Object.is(actual, expected)) fail(message, `${show(actual)} === ${show(expected)}`);
}
export const notStrictEqual = notEqual;

function same(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (a instanceof Map && b instanceof Map) return a.size === b.size && [...a].every(([k, v]) => b.has(k) && same(v, b.get(k)));
  if (a instanceof Set && b instanceof Set) return a.size === b.size && [...a].every((v) => b.has(v));
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return (
    ka.length === kb.length &&
    ka.every((k) => Object.hasOwn(b, k) && same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}

export function deepEqual<T>(actual: unknown, expected: T, message?: string | Error): asserts actual is T {
  if (!same(actual, expected)) fail(message, `${show(actual)} does not deep-equal ${show(expected)}`);
}
export const deepStrictEqual = deepEqual;

export function notDeepEqual(actual: unknown, expected: unknown, message?: string | Error): void {
  if (same(actual, expected)) fail(message, `${show(actual)} deep-equals ${show(expected)}`);
}

export function match(value: string, pattern: RegExp, message?: string | Error): void {
  if (!pattern.test(value)) fail(message, `${show(value)} does not match ${pattern}`);
}

export function doesNotMatch(value: string, pattern: RegExp, message?: string | Error): void {
  if (pattern.test(value)) fail(message, `${show(value)} matches ${pattern}`);
}

export async function rejects(promise: Promise<unknown> | (() => Promise<unknown>), message?: string | Error): Promise<void> {
  try {
    await (typeof promise === 'function' ? promise() : promise);
  } catch {
    return;
  }
  fail(message, 'expected a rejection');
}

export function throws(fn: () => unknown, message?: string | Error): void {
  try {
    fn();
  } catch {
    return;
  }
  fail(message, 'expected an exception');
}
