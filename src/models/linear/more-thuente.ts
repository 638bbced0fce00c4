/**
 * The Moré–Thuente line search (MINPACK-2 `dcsrch`/`dcstep`, as used by L-BFGS-B):
 * finds a step satisfying the strong Wolfe conditions
 *   φ(stp) ≤ φ(0) + ftol·stp·φ'(0)   and   |φ'(stp)| ≤ gtol·|φ'(0)|
 * by safeguarded cubic/quadratic interpolation inside a shrinking bracket.
 */

export interface LineSearchOptions {
  /** Sufficient-decrease constant (default 1e-4). */
  ftol?: number;
  /** Curvature constant (default 0.9, the usual value for quasi-Newton methods). */
  gtol?: number;
  /** Relative width of the bracket below which the search gives up (default 1e-14). */
  xtol?: number;
  /** Most function evaluations per search (default 20). */
  maxEvaluations?: number;
  stpMin?: number;
  stpMax?: number;
}

export interface LineSearchResult {
  stp: number;
  value: number;
  slope: number;
  /** 'converged' when both Wolfe conditions hold; otherwise why the search stopped. */
  status: 'converged' | 'rounding' | 'xtol' | 'stpmax' | 'stpmin' | 'max-evaluations';
  evaluations: number;
}

/** φ(stp) and φ'(stp); the caller keeps the point and gradient of the last evaluation. */
export type LineFunction = (stp: number) => { value: number; slope: number };

interface Bracket {
  stx: number;
  fx: number;
  gx: number;
  sty: number;
  fy: number;
  gy: number;
  brackt: boolean;
}

export function moreThuente(
  phi: LineFunction,
  stp0: number,
  f0: number,
  g0: number,
  options: LineSearchOptions = {},
): LineSearchResult {
  const ftol = options.ftol ?? 1e-4;
  const gtol = options.gtol ?? 0.9;
  const xtol = options.xtol ?? 1e-14;
  const maxEvaluations = options.maxEvaluations ?? 20;
  const stpMin = options.stpMin ?? 0;
  const stpMax = options.stpMax ?? 1e20;
  const gtest = ftol * g0;
  const b: Bracket = { stx: 0, fx: f0, gx: g0, sty: 0, fy: f0, gy: g0, brackt: false };
  let stage = 1;
  let width = stpMax - stpMin;
  let width1 = 2 * width;
  let stmin = 0;
  let stmax = stp0 + 4 * stp0;
  let stp = stp0;
  for (let evaluations = 1; ; evaluations++) {
    const { value: f, slope: g } = phi(stp);
    const ftest = f0 + stp * gtest;
    if (stage === 1 && f <= ftest && g >= 0) stage = 2;
    const done = (status: LineSearchResult['status']): LineSearchResult => ({ stp, value: f, slope: g, status, evaluations });
    if (f <= ftest && Math.abs(g) <= gtol * -g0) return done('converged');
    if (b.brackt && (stp <= stmin || stp >= stmax)) return done('rounding');
    if (b.brackt && stmax - stmin <= xtol * stmax) return done('xtol');
    if (stp === stpMax && f <= ftest && g <= gtest) return done('stpmax');
    if (stp === stpMin && (f > ftest || g >= gtest)) return done('stpmin');
    if (evaluations >= maxEvaluations) return done('max-evaluations');
    if (stage === 1 && f <= b.fx && f > ftest) {
      // Work with the modified function ψ(stp) = φ(stp) − φ(0) − ftol·stp·φ'(0).
      const m: Bracket = { ...b, fx: b.fx - b.stx * gtest, fy: b.fy - b.sty * gtest, gx: b.gx - gtest, gy: b.gy - gtest };
      stp = step(m, stp, f - stp * gtest, g - gtest, stmin, stmax);
      Object.assign(b, m, { fx: m.fx + m.stx * gtest, fy: m.fy + m.sty * gtest, gx: m.gx + gtest, gy: m.gy + gtest });
    } else {
      stp = step(b, stp, f, g, stmin, stmax);
    }
    if (b.brackt) {
      if (Math.abs(b.sty - b.stx) >= 0.66 * width1) stp = b.stx + 0.5 * (b.sty - b.stx);
      width1 = width;
      width = Math.abs(b.sty - b.stx);
      stmin = Math.min(b.stx, b.sty);
      stmax = Math.max(b.stx, b.sty);
    } else {
      stmin = stp + 1.1 * (stp - b.stx);
      stmax = stp + 4 * (stp - b.stx);
    }
    stp = Math.min(Math.max(stp, stpMin), stpMax);
    if ((b.brackt && (stp <= stmin || stp >= stmax)) || (b.brackt && stmax - stmin <= xtol * stmax)) stp = b.stx;
  }
}

/** MINPACK-2 `dcstep`: a safeguarded trial step; updates the bracket in place. */
function step(b: Bracket, stp: number, fp: number, dp: number, stpmin: number, stpmax: number): number {
  const { stx, fx, gx: dx, sty, fy, gy: dy } = b;
  const sgnd = dp * Math.sign(dx);
  let stpf: number;
  if (fp > fx) {
    const theta = (3 * (fx - fp)) / (stp - stx) + dx + dp;
    const s = Math.max(Math.abs(theta), Math.abs(dx), Math.abs(dp));
    let gamma = s * Math.sqrt((theta / s) ** 2 - (dx / s) * (dp / s));
    if (stp < stx) gamma = -gamma;
    const r = (gamma - dx + theta) / (gamma - dx + gamma + dp);
    const stpc = stx + r * (stp - stx);
    const stpq = stx + (dx / ((fx - fp) / (stp - stx) + dx) / 2) * (stp - stx);
    stpf = Math.abs(stpc - stx) < Math.abs(stpq - stx) ? stpc : stpc + (stpq - stpc) / 2;
    b.brackt = true;
  } else if (sgnd < 0) {
    const theta = (3 * (fx - fp)) / (stp - stx) + dx + dp;
    const s = Math.max(Math.abs(theta), Math.abs(dx), Math.abs(dp));
    let gamma = s * Math.sqrt((theta / s) ** 2 - (dx / s) * (dp / s));
    if (stp > stx) gamma = -gamma;
    const r = (gamma - dp + theta) / (gamma - dp + gamma + dx);
    const stpc = stp + r * (stx - stp);
    const stpq = stp + (dp / (dp - dx)) * (stx - stp);
    stpf = Math.abs(stpc - stp) > Math.abs(stpq - stp) ? stpc : stpq;
    b.brackt = true;
  } else if (Math.abs(dp) < Math.abs(dx)) {
    const theta = (3 * (fx - fp)) / (stp - stx) + dx + dp;
    const s = Math.max(Math.abs(theta), Math.abs(dx), Math.abs(dp));
    let gamma = s * Math.sqrt(Math.max(0, (theta / s) ** 2 - (dx / s) * (dp / s)));
    if (stp > stx) gamma = -gamma;
    const r = (gamma - dp + theta) / (gamma + (dx - dp) + gamma);
    let stpc: number;
    if (r < 0 && gamma !== 0) stpc = stp + r * (stx - stp);
    else stpc = stp > stx ? stpmax : stpmin;
    const stpq = stp + (dp / (dp - dx)) * (stx - stp);
    if (b.brackt) {
      stpf = Math.abs(stpc - stp) < Math.abs(stpq - stp) ? stpc : stpq;
      stpf = stp > stx ? Math.min(stp + 0.66 * (sty - stp), stpf) : Math.max(stp + 0.66 * (sty - stp), stpf);
    } else {
      stpf = Math.abs(stpc - stp) > Math.abs(stpq - stp) ? stpc : stpq;
      stpf = Math.max(stpmin, Math.min(stpmax, stpf));
    }
  } else if (b.brackt) {
    const theta = (3 * (fp - fy)) / (sty - stp) + dy + dp;
    const s = Math.max(Math.abs(theta), Math.abs(dy), Math.abs(dp));
    let gamma = s * Math.sqrt((theta / s) ** 2 - (dy / s) * (dp / s));
    if (stp > sty) gamma = -gamma;
    const r = (gamma - dp + theta) / (gamma - dp + gamma + dy);
    stpf = stp + r * (sty - stp);
  } else {
    stpf = stp > stx ? stpmax : stpmin;
  }
  if (fp > fx) {
    b.sty = stp;
    b.fy = fp;
    b.gy = dp;
  } else {
    if (sgnd < 0) {
      b.sty = stx;
      b.fy = fx;
      b.gy = dx;
    }
    b.stx = stp;
    b.fx = fp;
    b.gx = dp;
  }
  return stpf;
}
