export { type PathLengths, pathLengths } from './path-lengths.js';
