import { makeContractData } from '../../../core/test-support/estimator-contract.js';
import { NeuralNetClassifier } from '../neural-net-classifier.js';
import { neuralBackend } from '../tf-backend.js';

/**
 * Fits a small net through every random step (initialisation, shuffling, dropout, validation
 * split) and returns the backend and the probabilities' bytes, to compare runs and processes.
 */
export async function fitFingerprint(): Promise<{ backend: string; probabilities: string }> {
  const { X, y } = makeContractData(400, 2, 31);
  const model = new NeuralNetClassifier({
    hiddenLayers: [32, 16],
    epochs: 8,
    batchSize: 50,
    dropout: 0.25,
    validationFraction: 0.2,
    classWeight: 'balanced',
    randomState: 17,
  });
  await model.fit(X, y);
  const p = model.predictProba(X);
  return { backend: await neuralBackend(), probabilities: Buffer.from(p.buffer).toString('base64') };
}
