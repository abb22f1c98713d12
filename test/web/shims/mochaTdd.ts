// `mocha` for the integration suites bundled into VS Code's web worker extension host: the tdd
// functions of the mocha instance test/web/index.ts sets up (mocha's prebuilt browser build defines
// them as globals), looked up when a suite calls them.
type Fn = (...args: unknown[]) => unknown;
const global = (name: string): Fn => {
  const fn = (globalThis as unknown as Record<string, Fn | undefined>)[name];
  if (!fn) throw new Error(`mocha's ${name} is not set up`);
  return fn;
};

export const suite = (...args: unknown[]) => global('suite')(...args);
export const test = (...args: unknown[]) => global('test')(...args);
export const setup = (...args: unknown[]) => global('setup')(...args);
export const teardown = (...args: unknown[]) => global('teardown')(...args);
export const suiteSetup = (...args: unknown[]) => global('suiteSetup')(...args);
export const suiteTeardown = (...args: unknown[]) => global('suiteTeardown')(...args);
