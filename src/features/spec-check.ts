import { SerializationError } from '../core/errors.js';
import { FEATURE_SPEC_VERSION, type FeatureSpec } from './feature-spec.js';
import { parseTaxonomy } from './taxonomy.js';

const ENCODING_TYPES = new Set(['numeric', 'boolean', 'oneHot', 'highCardinality', 'multiValue', 'emailDomain']);

/**
 * Checks that a value is a FeatureSpec this version can apply: kind, format version, the
 * parts every transform reads, and that the stored feature names match what the spec
 * produces (a hand-edited spec that would shift columns is refused).
 */
export function assertFeatureSpec(json: unknown): FeatureSpec {
  const fail = (message: string): never => {
    throw new SerializationError(`feature spec: ${message}`);
  };
  if (!json || typeof json !== 'object') return fail('expected an object');
  const spec = json as FeatureSpec;
  if (spec.kind !== 'FeatureSpec') fail(`expected kind "FeatureSpec", got ${JSON.stringify(spec.kind)}`);
  if (spec.formatVersion !== FEATURE_SPEC_VERSION) {
    fail(`format version ${spec.formatVersion} is not supported (this leadstack reads version ${FEATURE_SPEC_VERSION})`);
  }
  if (!spec.dataset || !Array.isArray(spec.dataset.placeholders)) fail('"dataset.placeholders" is missing');
  if (!Array.isArray(spec.columns)) fail('"columns" must be a list');
  spec.columns.forEach((c, i) => {
    if (!c || !ENCODING_TYPES.has(c.type) || typeof c.column !== 'string') fail(`columns[${i}] is not a known encoding`);
  });
  if (!spec.features || !Array.isArray(spec.features.names)) fail('"features.names" must be a list');
  if (spec.events) parseTaxonomy(spec.events.taxonomy, 'feature spec taxonomy');
  if (
    spec.scaler &&
    (spec.scaler.mean.length !== spec.features.names.length || spec.scaler.scale.length !== spec.features.names.length)
  ) {
    fail('the scaler does not have one mean and scale per feature');
  }
  return spec;
}
