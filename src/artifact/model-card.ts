import type { DecisionPolicy } from '../evaluation/decision-policy.js';
import type { FeatureSpec } from '../features/feature-spec.js';
import type { TrainingMetadata } from './training-metadata.js';

export interface ModelCardInput {
  name: string;
  version: string;
  training: TrainingMetadata;
  policy: DecisionPolicy;
  spec: FeatureSpec | null;
  /** Grade rows on the hold-out: grade, leads, conversions, conversion rate (when measured). */
  grades?: { grade: string; leads: number; conversions: number; rate: number }[];
  createdAt: string;
}

const pct = (v: number, digits = 1): string => `${(100 * v).toFixed(digits)}%`;
const num = (v: number, digits = 3): string => (Number.isFinite(v) ? v.toFixed(digits) : '—');

/** A human-readable model card (Markdown): intended use, data, metrics, decision policy, limits, fairness and privacy. */
export function modelCard(input: ModelCardInput): string {
  const t = input.training;
  const p = input.policy;
  const excluded = input.spec?.excluded ?? [];
  const byReason = (reason: string) => excluded.filter((e) => e.reason === reason).map((e) => `\`${e.column}\``);
  const lines = [
    `# Model card: ${input.name} ${input.version}`,
    '',
    '## Model',
    `- **Champion:** ${t.champion.label} with ${t.champion.strategy} for class imbalance, chosen because: ${t.champion.reason}`,
    `- **Trained on:** ${t.trainedOn} of \`${t.dataset}\` (${t.rows.toLocaleString('en-US')} leads, ${t.conversions.toLocaleString('en-US')} converted, ${pct(t.conversions / t.rows, 2)})${t.dateRange ? `, created ${t.dateRange.from.slice(0, 10)} to ${t.dateRange.to.slice(0, 10)}` : ''}.`,
    `- **Features:** ${t.features}. **leadstack** ${t.leadstackVersion}${t.gitCommit ? `, commit ${t.gitCommit.slice(0, 12)}` : ''}, seed ${t.seed}. Exported ${input.createdAt}.`,
    `- **Data fingerprint:** leads ${t.dataHash.leads.slice(0, 16)}…${t.dataHash.events ? `, events ${t.dataHash.events.slice(0, 16)}…` : ''}`,
    '',
    '## Intended use',
    '- Rank new inbound leads by their chance of being accepted by sales, so sellers call the most promising first and marketing nurtures the rest.',
    '- Scores support people: a seller sees the score, the grade and the reasons, and decides. Not for decisions about individuals outside sales prioritisation (credit, employment, pricing).',
    '',
    '## Quality',
    `| measure | cross-validation (${t.cv.folds} folds, mean ± sd) | hold-out |`,
    '|---|---|---|',
    `| ROC-AUC | ${num(t.cv.rocAuc[0])} ± ${num(t.cv.rocAuc[1])} | ${t.holdout ? num(t.holdout.rocAuc) : '—'} |`,
    `| PR-AUC | ${num(t.cv.prAuc[0])} ± ${num(t.cv.prAuc[1])} | ${t.holdout ? num(t.holdout.prAuc) : '—'} |`,
    `| log loss | ${num(t.cv.logLoss[0])} ± ${num(t.cv.logLoss[1])} | ${t.holdout ? num(t.holdout.logLoss) : '—'} |`,
    `| Brier | ${num(t.cv.brier[0], 4)} ± ${num(t.cv.brier[1], 4)} | ${t.holdout ? num(t.holdout.brier, 4) : '—'} |`,
  ];
  if (t.holdout?.rulesRocAuc != null)
    lines.push('', `The rule-based score reached ROC-AUC ${num(t.holdout.rulesRocAuc)} on the same hold-out leads.`);
  if (t.bestAchievableAuc != null)
    lines.push(`The true probabilities of this synthetic data reach ${num(t.bestAchievableAuc)}: the ceiling for any model.`);
  lines.push(
    '',
    '## Decision policy',
    `- **Calibration:** ${p.calibration} on out-of-fold scores; the 0–100 lead score is the calibrated probability × 100, with its percentile among training leads.`,
    `- **Route to sales** when the calibrated probability is at least ${num(p.threshold, 4)} (${num(p.thresholdSummary.baseRateMultiple, 1)}× the ${pct(p.baseRate, 2)} base rate). ${p.thresholdSummary.message}`,
    '- **Grades** A–D by shares of training leads (A the top 5%, B the next 15%, C the next 30%, D the rest) unless configured otherwise.',
  );
  if (input.grades?.length) {
    lines.push('', '| grade | leads (hold-out) | conversions | conversion rate |', '|---|---:|---:|---:|');
    for (const g of input.grades)
      lines.push(
        `| ${g.grade} | ${g.leads.toLocaleString('en-US')} | ${g.conversions.toLocaleString('en-US')} | ${pct(g.rate)} |`,
      );
  }
  lines.push(
    '',
    '## Limits',
    '- The labels are past sales decisions: the model learns what sales accepted, including its habits. Send a small random sample of low-scored leads to sales to keep learning without that bias.',
    '- Markets, campaigns and the website change: monitor the score distribution and conversion by grade, and retrain when they drift. Probabilities assume the base rate of the training period.',
    '- Leads without web activity (trade shows, imports) are scored from their record alone and are less certain.',
    '',
    '## Fairness and privacy',
    `- Personal data never enters the model: ${byReason('personal data').join(', ') || 'none found'} excluded (names, e-mails, phone numbers; detected by configuration, column name and value pattern). No personal value is stored in this artifact.`,
    `- Columns filled in after the outcome are excluded: ${[...byReason('post-outcome'), ...byReason('label time'), ...byReason('funnel stage'), ...byReason('leakage')].join(', ') || 'none'}.`,
    '- Location and company attributes (country, region, industry, size) are features: they can act as proxies for groups of people. Review conversion and grades by region before relying on scores across markets.',
    '',
    '## Use',
    '```',
    'leadstack score --model <this folder> --input leads.csv --out scored.csv',
    'leadstack serve --model <this folder> --port 8080',
    '```',
    '',
  );
  return lines.join('\n');
}
