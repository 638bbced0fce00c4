export { type PathLengths, pathLengths } from './path-lengths.js';
export { type PageCount, topPages } from './top-pages.js';
