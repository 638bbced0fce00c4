import type { Matrix } from '../../core/matrix.js';
import type { RuleSet } from './rule-set.js';

/** Each rule with its points, how often it fires and how often the leads it fires for convert. */
export function ruleTable(rules: RuleSet, fired: Matrix, labels: ArrayLike<number>): Record<string, string | number | null>[] {
  return rules.rules.map((rule, k) => {
    let n = 0;
    let pos = 0;
    for (let i = 0; i < fired.rows; i++) {
      if (fired.data[i * fired.cols + k] !== 1) continue;
      n++;
      pos += labels[i] === 1 ? 1 : 0;
    }
    return {
      rule: rule.name,
      points: rule.points,
      'fires for %': Math.round((1000 * n) / Math.max(1, fired.rows)) / 10,
      'conversion when it fires %': n ? Math.round((1000 * pos) / n) / 10 : null,
    };
  });
}
