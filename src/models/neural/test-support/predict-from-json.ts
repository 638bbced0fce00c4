/**
 * Restores the serialized model in the file named by argv[2] in a fresh process, tries to predict
 * before TensorFlow.js is loaded, then loads it and predicts; prints both outcomes as JSON.
 */
import { readFileSync } from 'node:fs';
import { Matrix } from '../../../core/matrix.js';
import { fromJSON } from '../../../core/serialization.js';
import { type NeuralNetClassifier, neuralBackend } from '../index.js';

const { model: json, X } = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const model = fromJSON<NeuralNetClassifier>(json);
const rows = new Matrix(X.length, X[0].length, Float64Array.from(X.flat()));
let before = '';
try {
  model.predictProba(rows);
} catch (error) {
  before = `${(error as Error).name}: ${(error as Error).message}`;
}
await neuralBackend();
const p = model.predictProba(rows);
process.stdout.write(`${JSON.stringify({ before, probabilities: Buffer.from(p.buffer).toString('base64') })}\n`);
