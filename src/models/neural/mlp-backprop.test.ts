import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Rng } from '../../core/rng.js';
import { initialParameters, layerSizes, layersFromFlat, parameterSegments } from './dense-layers.js';
import type { Minibatch } from './minibatch.js';
import { batchGradients } from './mlp-backprop.js';
import { disposeLayers, uploadLayers } from './mlp-forward.js';
import type { Activation } from './neural-net-params.js';
import { loadTf } from './tf-backend.js';

const ACT: Record<Activation, (z: number) => number> = {
  relu: (z) => Math.max(0, z),
  tanh: Math.tanh,
  logistic: (z) => 1 / (1 + Math.exp(-z)),
  identity: (z) => z,
};

/** Float64 reference of the batch loss Σ stepWeight · loss (the quantity batchGradients differentiates). */
function referenceLoss(sizes: number[], theta: Float64Array, batch: Minibatch, activation: Activation): number {
  const segments = parameterSegments(sizes);
  const outputs = sizes[sizes.length - 1];
  let total = 0;
  for (let r = 0; r < batch.rows; r++) {
    let h = Array.from(batch.x.subarray(r * sizes[0], (r + 1) * sizes[0]));
    for (let l = 0; l + 1 < sizes.length; l++) {
      const [k, b] = [segments[2 * l], segments[2 * l + 1]];
      const next = Array.from({ length: sizes[l + 1] }, (_, u) => {
        let z = theta[b.offset + u];
        for (let i = 0; i < sizes[l]; i++) z += h[i] * theta[k.offset + i * sizes[l + 1] + u];
        return z;
      });
      const hidden = l + 2 < sizes.length;
      h = hidden ? next.map((z, u) => ACT[activation](z) * (batch.masks ? batch.masks[l][r * sizes[l + 1] + u] : 1)) : next;
    }
    const target = batch.target.subarray(r * outputs, (r + 1) * outputs);
    let loss: number;
    if (outputs === 1) loss = Math.log1p(Math.exp(h[0])) - target[0] * h[0];
    else {
      const lse = Math.log(h.reduce((s, z) => s + Math.exp(z), 0));
      loss = -h.reduce((s, z, k) => s + target[k] * (z - lse), 0);
    }
    total += batch.stepWeight[r] * loss;
  }
  return total;
}

function makeBatch(sizes: number[], rows: number, dropout: boolean, rng: Rng): Minibatch {
  const d = sizes[0];
  const outputs = sizes[sizes.length - 1];
  const x = Float32Array.from({ length: rows * d }, () => rng.normal());
  const xT = new Float32Array(rows * d);
  for (let r = 0; r < rows; r++) for (let j = 0; j < d; j++) xT[j * rows + r] = x[r * d + j];
  const target = new Float32Array(rows * outputs);
  for (let r = 0; r < rows; r++) target[r * outputs + (outputs === 1 ? 0 : rng.int(outputs))] = outputs === 1 ? rng.int(2) : 1;
  const stepWeight = Float32Array.from({ length: rows }, () => rng.uniform(0.5, 2) / rows);
  const masks = dropout
    ? sizes.slice(1, -1).map((units) => Float32Array.from({ length: rows * units }, () => (rng.bernoulli(0.3) ? 0 : 1 / 0.7)))
    : null;
  return { rows, x, xT, target, stepWeight, masks };
}

for (const [activation, outputs, dropout] of [
  ['relu', 1, false],
  ['tanh', 3, true],
  ['logistic', 1, true],
  ['identity', 4, false],
] as [Activation, number, boolean][]) {
  test(`batchGradients matches finite differences of a float64 reference (${activation}, ${outputs} output(s), dropout ${dropout})`, async () => {
    const { tf } = await loadTf();
    const rng = new Rng(outputs);
    const sizes = layerSizes(3, [5, 4], outputs);
    const theta = Float64Array.from(
      layersFromFlat(sizes, initialParameters(sizes, activation, rng)).flatMap((l) => [...l.kernel, ...l.bias]),
    );
    const batch = makeBatch(sizes, 7, dropout, rng);
    const tensors = uploadLayers(tf, layersFromFlat(sizes, theta));
    const result = batchGradients(tf, tensors, batch, activation);
    disposeLayers(tensors);
    assert.ok(Math.abs(result.loss - referenceLoss(sizes, theta, batch, activation)) < 1e-6, 'loss');
    const h = 1e-5;
    for (let i = 0; i < theta.length; i++) {
      const saved = theta[i];
      theta[i] = saved + h;
      const up = referenceLoss(sizes, theta, batch, activation);
      theta[i] = saved - h;
      const down = referenceLoss(sizes, theta, batch, activation);
      theta[i] = saved;
      const numeric = (up - down) / (2 * h);
      const analytic = result.gradient[i];
      assert.ok(Math.abs(analytic - numeric) < 1e-4 * (1 + Math.abs(numeric)), `parameter ${i}: ${analytic} vs ${numeric}`);
    }
  });
}
