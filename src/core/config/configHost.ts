/**
 * The little file access the settings loader needs, so that the one loader serves the CLI (Node's
 * fs) and the extension (vscode.workspace.fs, also on remote and virtual file systems). Paths are
 * whatever the host uses (file paths, URI strings); only the host takes them apart.
 */
export interface ConfigHost {
  /** The file's text; undefined when there is no such file. Other failures throw. */
  readText(path: string): Promise<string | undefined>;
  /** The folder holding `path`; undefined for a root. */
  parent(path: string): string | undefined;
  /** `relative` (an absolute path as it is) taken from the folder `dir`. */
  resolve(dir: string, relative: string): string;
}
