/**
 * The Keras-style Sequential topology of tfjs's layers-model format (what `model.json` holds under
 * `modelTopology`), built from and read back into dense layers without running tfjs.
 */
import { SerializationError } from '../../core/errors.js';
import type { Activation } from './neural-net-params.js';

const TO_KERAS: Record<Activation, string> = { relu: 'relu', tanh: 'tanh', logistic: 'sigmoid', identity: 'linear' };

export interface TopologyLayer {
  class_name: string;
  config: Record<string, unknown>;
}

export interface MlpTopology {
  /** [inputs, units] of each dense layer, input side first. */
  shapes: [number, number][];
  activation: Activation;
  dropout: number;
  /** The dense layers' names (their weights are `<name>/kernel` and `<name>/bias`). */
  names: string[];
  /** Whether each dense layer has a bias. */
  useBias: boolean[];
}

export function denseName(l: number): string {
  return `dense_${l + 1}`;
}

export function buildTopology(shapes: readonly [number, number][], activation: Activation, dropout: number): object {
  const layers: TopologyLayer[] = [];
  shapes.forEach(([inputs, units], l) => {
    const output = l === shapes.length - 1;
    const config: Record<string, unknown> = {
      units,
      activation: output ? (units === 1 ? 'sigmoid' : 'softmax') : TO_KERAS[activation],
      use_bias: true,
      kernel_initializer: {
        class_name: 'VarianceScaling',
        config: { scale: 1, mode: 'fan_avg', distribution: 'uniform', seed: null },
      },
      bias_initializer: { class_name: 'Zeros', config: {} },
      kernel_regularizer: null,
      bias_regularizer: null,
      activity_regularizer: null,
      kernel_constraint: null,
      bias_constraint: null,
      name: denseName(l),
      trainable: true,
    };
    if (l === 0) Object.assign(config, { batch_input_shape: [null, inputs], dtype: 'float32' });
    layers.push({ class_name: 'Dense', config });
    if (!output && dropout > 0) {
      layers.push({
        class_name: 'Dropout',
        config: { rate: dropout, noise_shape: null, seed: null, name: `dropout_${l + 1}`, trainable: true },
      });
    }
  });
  return {
    class_name: 'Sequential',
    config: { name: 'leadstack_neural_net', layers },
    keras_version: 'tfjs-layers 4.22.0',
    backend: 'tensor_flow.js',
  };
}

/** Reads a Sequential stack of Dense (and Dropout) layers; anything else is not a model this library can run. */
export function parseTopology(modelTopology: unknown, where: string): MlpTopology {
  const top = modelTopology as { model_config?: unknown; class_name?: string; config?: unknown } | null;
  const model = (top?.model_config ?? top) as { class_name?: string; config?: unknown } | null;
  const config = model?.config as { layers?: unknown } | unknown[] | undefined;
  const layers = (Array.isArray(config) ? config : config?.layers) as TopologyLayer[] | undefined;
  if (model?.class_name !== 'Sequential' || !Array.isArray(layers)) {
    throw new SerializationError(`${where}: modelTopology must be a Sequential model of Dense layers`);
  }
  const out: MlpTopology = { shapes: [], activation: 'relu', dropout: 0, names: [], useBias: [] };
  const hidden = new Set<string>();
  let width: number | null = null;
  let outputActivation = '';
  for (const layer of layers) {
    const c = layer?.config ?? {};
    if (layer?.class_name === 'InputLayer') {
      width = (c.batch_input_shape as number[] | undefined)?.[1] ?? width;
    } else if (layer?.class_name === 'Dropout') {
      out.dropout = Number(c.rate ?? 0);
    } else if (layer?.class_name === 'Dense') {
      width = (c.batch_input_shape as number[] | undefined)?.[1] ?? (c.batchInputShape as number[] | undefined)?.[1] ?? width;
      const units = Number(c.units);
      if (width === null || !Number.isInteger(units) || units < 1) {
        throw new SerializationError(`${where}: dense layer "${String(c.name)}" has no input width or units`);
      }
      if (out.shapes.length > 0) hidden.add(outputActivation);
      out.shapes.push([width, units]);
      out.names.push(String(c.name));
      out.useBias.push(c.use_bias !== false);
      outputActivation = String(c.activation ?? 'linear');
      width = units;
    } else {
      throw new SerializationError(`${where}: layer type ${String(layer?.class_name)} is not supported (Dense and Dropout only)`);
    }
  }
  if (out.shapes.length === 0) throw new SerializationError(`${where}: the model has no Dense layer`);
  out.activation = parseHiddenActivation(hidden, where);
  const units = out.shapes[out.shapes.length - 1][1];
  const expected = units === 1 ? 'sigmoid' : 'softmax';
  if (outputActivation !== expected) {
    throw new SerializationError(
      `${where}: an output layer of ${units} unit(s) must use ${expected} to give class probabilities, not ${outputActivation}`,
    );
  }
  return out;
}

function parseHiddenActivation(names: Set<string>, where: string): Activation {
  if (names.size === 0) return 'relu';
  const found = (Object.keys(TO_KERAS) as Activation[]).find((a) => names.has(TO_KERAS[a]));
  if (names.size > 1 || !found) {
    throw new SerializationError(
      `${where}: hidden layers must share one of relu, tanh, sigmoid, linear; found ${[...names].join(', ')}`,
    );
  }
  return found;
}
