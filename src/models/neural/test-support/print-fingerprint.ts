/** Prints `fitFingerprint()` as JSON (run in a child process by the determinism test). */
import { fitFingerprint } from './fit-fingerprint.js';

process.stdout.write(`${JSON.stringify(await fitFingerprint())}\n`);
