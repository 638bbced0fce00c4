/**
 * E[sigmoid(eta + Z)] for Z ~ N(0, sd²) (the logistic-normal integral), tabulated once on a
 * fine grid of eta and interpolated on the log scale: accurate to about 1e-5 relative, and
 * strictly increasing in eta (so it never reorders leads).
 */
export type LogisticNormalMean = (eta: number) => number;

const ETA_LIMIT = 50;
const ETA_STEP = 0.02;
const Z_LIMIT = 8;
const Z_STEP = 0.02;

export function makeLogisticNormalMean(sd: number): LogisticNormalMean {
  const zCount = Math.round((2 * Z_LIMIT) / Z_STEP) + 1;
  const zWeight = new Float64Array(zCount);
  const zShift = new Float64Array(zCount);
  let total = 0;
  for (let k = 0; k < zCount; k++) {
    const z = -Z_LIMIT + k * Z_STEP;
    zShift[k] = sd * z;
    total += zWeight[k] = Math.exp(-0.5 * z * z);
  }
  const etaCount = Math.round((2 * ETA_LIMIT) / ETA_STEP) + 1;
  const logMean = new Float64Array(etaCount);
  for (let j = 0; j < etaCount; j++) {
    const eta = -ETA_LIMIT + j * ETA_STEP;
    let sum = 0;
    for (let k = 0; k < zCount; k++) sum += zWeight[k] / (1 + Math.exp(-(eta + zShift[k])));
    logMean[j] = Math.log(sum / total);
  }
  const halfVariance = 0.5 * sd * sd;
  return (eta: number): number => {
    if (eta <= -ETA_LIMIT) return Math.exp(logMean[0] + (eta + ETA_LIMIT));
    if (eta >= ETA_LIMIT) return 1 - Math.exp(-eta + halfVariance);
    const position = (eta + ETA_LIMIT) / ETA_STEP;
    const j = Math.min(etaCount - 2, Math.floor(position));
    const f = position - j;
    return Math.exp(logMean[j] + f * (logMean[j + 1] - logMean[j]));
  };
}
