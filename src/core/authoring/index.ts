// Authoring aids without VS Code: is the cursor in math, what to complete there, what to show on hover.
export * from './completionPrefix';
export * from './documentMacros';
export * from './formulaPreview';
export * from './mathCompletions';
export * from './mathContextAt';
export * from './mathDocument';
export * from './mathHoverAt';
export * from './mathSnippets';
export * from './snippetText';
export * from './texCatalog';
export * from './mathFolding';
