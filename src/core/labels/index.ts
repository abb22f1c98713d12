// Labels and references of a document, and the equation numbers MathJax draws: one index per parse.
export * from './equationLabels';
export * from './equationRows';
export * from './equationOutline';
export * from './labelIndex';
export * from './labelSites';
