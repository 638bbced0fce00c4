export { type Cell, formatCell, type HtmlTableOptions, toHtmlTable } from './html-table.js';
export { type DisplaySink, NotebookOutput, type NotebookParams, notebookParams } from './notebook-output.js';
