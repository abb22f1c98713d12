// Where is this workspace published? A site generator's config file says so: offer the matching
// lint destinations (and, for kramdown, `$$…$$` in running text read as inline math) once per
// workspace folder, remembered in the workspace state. Nothing changes unless the user accepts.
import * as vscode from 'vscode';
import { SITE_GENERATORS, type SiteGenerator } from './siteGenerators';

const ASKED = 'mathdown.projectDetection.asked';

/** The notification with a choice, as one function: VS Code's in use, answers given by the integration tests through a test-only command. */
export type ProjectOfferUi = (message: string, ...choices: string[]) => Thenable<string | undefined>;

const windowUi: ProjectOfferUi = (message, ...choices) => vscode.window.showInformationMessage(message, ...choices);

export interface ProjectDetection {
  /**
   * Looks at every workspace folder and offers, once per folder, the destinations of the site
   * generator it finds; resolves when every offer is answered or dismissed. `forget` first drops
   * what the workspace remembers of earlier offers (for the tests).
   */
  detect(options?: { forget?: boolean }): Promise<void>;
  /** Replaces the notification (tests); no argument restores VS Code's. */
  setUi(replacement?: ProjectOfferUi): void;
}

export function detectProjects(context: vscode.ExtensionContext): ProjectDetection {
  let ui = windowUi;
  const detection: ProjectDetection = {
    detect: async (options) => {
      if (options?.forget) await context.workspaceState.update(ASKED, undefined);
      await Promise.all((vscode.workspace.workspaceFolders ?? []).map((folder) => offerFor(context, folder, ui).catch(() => undefined)));
    },
    setUi: (replacement) => {
      ui = replacement ?? windowUi;
    },
  };
  void detection.detect();
  return detection;
}

async function offerFor(context: vscode.ExtensionContext, folder: vscode.WorkspaceFolder, ui: ProjectOfferUi): Promise<void> {
  const asked = context.workspaceState.get<string[]>(ASKED, []);
  if (asked.includes(folder.uri.toString())) return;
  const config = vscode.workspace.getConfiguration('mathdown', folder.uri);
  const targets = config.inspect('lint.targets');
  // The user already chose, in the settings or in .mathdown.json: never second-guess that.
  if (targets?.workspaceValue !== undefined || targets?.workspaceFolderValue !== undefined) return;
  if (await chosenInConfigFile(folder)) return;
  const found = await findGenerator(folder);
  if (!found) return;
  await context.workspaceState.update(ASKED, [...context.workspaceState.get<string[]>(ASKED, []), folder.uri.toString()]);
  const accept = `Check for ${found.generator.label}`;
  const answer = await ui(
    `${folder.name} looks like a ${found.generator.name} site (${found.file}). ${found.generator.why} ` +
      `Check its math for ${found.generator.label} (mathdown.lint.targets: ${found.generator.targets.join(', ')}` +
      `${found.generator.doubleDollarInText ? `; mathdown.math.doubleDollarInText: "${found.generator.doubleDollarInText}"` : ''}) instead of github.com?`,
    accept,
    'Keep github.com',
  );
  if (answer !== accept) return;
  await config.update('lint.targets', [...found.generator.targets], vscode.ConfigurationTarget.WorkspaceFolder);
  if (found.generator.doubleDollarInText)
    await config.update('math.doubleDollarInText', found.generator.doubleDollarInText, vscode.ConfigurationTarget.WorkspaceFolder);
}

async function findGenerator(folder: vscode.WorkspaceFolder): Promise<{ generator: SiteGenerator; file: string } | undefined> {
  for (const generator of SITE_GENERATORS) {
    for (const file of generator.files) {
      const text = await read(vscode.Uri.joinPath(folder.uri, file));
      if (text !== undefined && (!generator.contains || generator.contains.test(text))) return { generator, file };
    }
  }
  return undefined;
}

async function chosenInConfigFile(folder: vscode.WorkspaceFolder): Promise<boolean> {
  const text = await read(vscode.Uri.joinPath(folder.uri, '.mathdown.json'));
  if (text === undefined) return false;
  try {
    const json = JSON.parse(text) as Record<string, unknown>;
    return 'lint.targets' in json || (typeof json.lint === 'object' && json.lint !== null && 'targets' in json.lint);
  } catch {
    return false;
  }
}

async function read(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}
