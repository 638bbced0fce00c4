import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SerializationError } from '../../core/errors.js';
import { buildTopology, parseTopology } from './tfjs-topology.js';

test('buildTopology and parseTopology round-trip shapes, activation and dropout', () => {
  const topology = buildTopology(
    [
      [10, 6],
      [6, 3],
      [3, 4],
    ],
    'tanh',
    0.25,
  );
  assert.deepEqual(parseTopology(topology, 'model.json'), {
    shapes: [
      [10, 6],
      [6, 3],
      [3, 4],
    ],
    activation: 'tanh',
    dropout: 0.25,
    names: ['dense_1', 'dense_2', 'dense_3'],
    useBias: [true, true, true],
  });
});

test('parseTopology accepts an InputLayer and a Keras model_config wrapper, and rejects mixed activations', () => {
  const keras = {
    model_config: {
      class_name: 'Sequential',
      config: {
        layers: [
          { class_name: 'InputLayer', config: { batch_input_shape: [null, 4] } },
          { class_name: 'Dense', config: { name: 'a', units: 3, activation: 'relu' } },
          { class_name: 'Dense', config: { name: 'b', units: 1, activation: 'sigmoid', use_bias: false } },
        ],
      },
    },
  };
  const parsed = parseTopology(keras, 'm');
  assert.deepEqual(parsed.shapes, [
    [4, 3],
    [3, 1],
  ]);
  assert.deepEqual(parsed.useBias, [true, false]);
  const layers = keras.model_config.config.layers;
  layers.splice(2, 0, { class_name: 'Dense', config: { name: 'c', units: 3, activation: 'tanh' } });
  assert.throws(() => parseTopology(keras, 'm'), SerializationError);
  assert.throws(() => parseTopology({ class_name: 'Model', config: {} }, 'm'), /Sequential/);
});
