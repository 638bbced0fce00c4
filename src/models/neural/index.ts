export type { NeuralClassWeight } from './class-weight.js';
export type { DenseLayer } from './dense-layers.js';
export { NeuralNetClassifier } from './neural-net-classifier.js';
export type { Activation, NeuralNetParams } from './neural-net-params.js';
export { type NeuralBackend, neuralBackend, neuralMemory } from './tf-backend.js';
export { loadTfjsModel, saveTfjsModel } from './tfjs-model-files.js';
