import * as vscode from 'vscode';

/**
 * The handler of mathdown.lint.applySetting, run by a quick fix that changes a setting (MM303's
 * "number every display formula"): in the workspace's settings when a folder is open, else the user's.
 */
export async function applySetting(section: unknown, value: unknown, resource?: vscode.Uri): Promise<boolean> {
  if (typeof section !== 'string' || !section.startsWith('mathdown.')) return false;
  const dot = section.lastIndexOf('.');
  const config = vscode.workspace.getConfiguration(section.slice(0, dot), resource);
  const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  await config.update(section.slice(dot + 1), value, target);
  return true;
}
