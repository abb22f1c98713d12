// Commands are registered in one place, from a table of id → handler: a table missing an id, or
// naming one twice or one not listed in commandIds.ts, does not compile.
import * as vscode from 'vscode';
import type { ProductCommandId, TestCommandId } from './commandIds';

// The arguments are whatever the caller passes (a URI from a menu, an object from a keybinding or test).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type CommandHandler = (...args: any[]) => unknown;

export type CommandTable = { readonly [id in ProductCommandId]: CommandHandler };
export type TestCommandTable = { readonly [id in TestCommandId]: CommandHandler };

export function registerCommands(table: CommandTable | TestCommandTable): vscode.Disposable[] {
  return Object.entries(table).map(([id, handler]) => vscode.commands.registerCommand(id, handler));
}
