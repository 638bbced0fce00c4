export { mergeWithEarlierRuns, type NotebookResult, writeIndexPage } from './index-page.js';
export {
  listNotebooks,
  NotebookError,
  notebookTitle,
  type ReportEvent,
  type RunNotebooksOptions,
  runNotebooks,
} from './run-notebooks.js';
