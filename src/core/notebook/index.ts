export { readIpynb, isNotebookName, NotebookFormatError, type Notebook, type NotebookCell, type CellOutput, type CellKind } from './ipynb';
