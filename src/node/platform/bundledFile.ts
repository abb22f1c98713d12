import { join } from 'node:path';

/**
 * A file shipped beside the running bundle: every bundle of dist/ (and of the test builds) lies in
 * one folder with the worker scripts it starts.
 */
export function bundledFile(name: string): string {
  return join(__dirname, name);
}
