// Public API of the Mathdown core (`mathdown/core`): no vscode, DOM or fs imports below this folder.
export * from './types';
export * from './config/settings';
export * from './config/parseSettings';
export * from './export';
export * from './markdown';
export * from './render';
export * from './lint';
export * from './authoring';
