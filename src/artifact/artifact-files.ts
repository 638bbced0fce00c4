/** Layout of an exported model folder (models/<name>/<version>/). */
export const ARTIFACT_FORMAT = 'leadstack-model';
export const ARTIFACT_VERSION = 1;

export const ARTIFACT_FILES = {
  manifest: 'manifest.json',
  featureSpec: 'feature-spec.json',
  model: 'model.json',
  /** The neural net as a standard TensorFlow.js layers model (model.json + weights.bin). */
  tfjsDir: 'tfjs',
  policy: 'policy.json',
  explainer: 'explainer.json',
  inputSchema: 'input-schema.json',
  training: 'training.json',
  card: 'model-card.md',
} as const;

/** What the explainer needs: the average lead's features (for linear terms and group resets) and the feature groups. */
export interface ExplainerData {
  baseline: number[];
  names: string[];
  groups: string[];
}
