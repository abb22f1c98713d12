// The flags every headless Chromium of the tests starts with (the e2e drivers and the browser tests):
// no sandbox (root in CI), no GPU, and nothing that reaches the network on its own.
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];
