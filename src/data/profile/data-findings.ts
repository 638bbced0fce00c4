import type { PathLengths } from '../events/path-lengths.js';
import type { DatasetProfile } from './profile-dataset.js';
import type { StageCount } from './stage-counts.js';

export interface FindingsInput {
  profile: DatasetProfile;
  paths?: PathLengths | null;
  stages?: StageCount[] | null;
  /** ROC-AUC of the true probabilities (synthetic data). */
  bestAuc?: number | null;
}

/**
 * The data-understanding findings in plain words, computed from the profile (and the
 * paths, funnel and truth when there are any): what a sales or marketing reader should
 * take away before any model is trained. Markdown bullet list.
 */
export function describeDataFindings(input: FindingsInput): string {
  const { profile } = input;
  const bullets: string[] = [];
  const t = profile.target;
  if (t) {
    bullets.push(
      `**${pct(t.rate)} of ${count(t.positives + t.negatives)} leads converted** (${count(t.positives)} conversions). ` +
        `A model that predicts "no" for everyone would be ${pct(1 - t.rate)} accurate and useless, so models are judged by ` +
        'how well they rank leads (ROC-AUC, PR-AUC) and by what sales gains at a given call capacity, not by accuracy.',
    );
  }
  const gap = strongestMissingnessGap(profile);
  if (gap) {
    bullets.push(
      `**Missing answers carry information.** When \`${gap.name}\` is blank (${pct(gap.missingRate)} of leads), ` +
        `${pct(gap.missing)} convert, against ${pct(gap.present)} when it is filled in: missingness will be a feature, not something to impute away.`,
    );
  }
  const strongest = profile.columns
    .filter((c) => c.role === 'feature' && c.auc && !profile.leakage.some((s) => s.column === c.name))
    .sort((a, b) => b.auc!.auc - a.auc!.auc)
    .slice(0, 5);
  if (strongest.length) {
    const list = strongest.map((c) => `\`${c.name}\` (${c.auc!.auc.toFixed(2)})`).join(', ');
    bullets.push(`**Strongest single signals** (ROC-AUC of each column on its own; 0.5 is a coin flip): ${list}.`);
  }
  if (profile.leakage.length) {
    const list = profile.leakage.map((s) => `\`${s.column}\``).join(', ');
    bullets.push(
      `**Leakage: ${list} must not be used to score new leads.** They are filled in after sales has worked the lead ` +
        '(or predict the outcome too well to be honest); a model trained on them looks brilliant in testing and fails in production.',
    );
  }
  if (profile.pii.length) {
    const list = profile.pii.map((p) => `\`${p.column}\``).join(', ');
    bullets.push(`**Personal data** in ${list}: never a model input, and masked in every report.`);
  }
  const paths = input.paths;
  if (paths && paths.leadsWithEvents > 0) {
    const tracked = Array.from(paths.lengths).filter((n) => n > 0);
    const under5 = tracked.filter((n) => n < 5).length / tracked.length;
    const sorted = tracked.sort((a, b) => a - b);
    const p90 = sorted[Math.min(sorted.length - 1, Math.ceil(0.9 * sorted.length) - 1)];
    const untracked = profile.rows - paths.leadsWithEvents;
    bullets.push(
      `**Paths are short.** ${pct(under5)} of the ${count(paths.leadsWithEvents)} tracked leads have fewer than 5 touchpoints ` +
        `before the outcome (90% within ${p90}); the order of the first few steps is what a model can use. ` +
        `${count(untracked)} leads (${pct(untracked / profile.rows)}) have no web activity at all (trade shows, events, imports) and still need a score.` +
        (paths.censoredEvents > 0
          ? ` ${count(paths.censoredEvents)} events happened after the lead was accepted and are left out: counting them would leak the outcome.`
          : ''),
    );
  }
  const stages = input.stages;
  if (stages?.length) {
    const list = stages.map((s) => `${s.stage} ${pct(s.count / profile.rows)}`).join(', ');
    bullets.push(`**Funnel stages reached:** ${list}.`);
  }
  if (input.bestAuc != null) {
    bullets.push(
      `**Ceiling:** the true conversion probabilities behind this synthetic data rank leads with ROC-AUC ${input.bestAuc.toFixed(3)}; ` +
        'no model can do better, and later notebooks report how close each one gets.',
    );
  }
  if (profile.notes.length) bullets.push(`**Data quality:** ${profile.notes.join('; ')}.`);
  return bullets.map((b) => `- ${b}`).join('\n');
}

interface Gap {
  name: string;
  missingRate: number;
  missing: number;
  present: number;
}

/** The feature column whose conversion differs most between missing and filled (with at least 5% of either). */
function strongestMissingnessGap(profile: DatasetProfile): Gap | null {
  let best: Gap | null = null;
  for (const c of profile.columns) {
    if (c.role !== 'feature' || !c.missingness || c.missingRate < 0.05 || c.missingRate > 0.95) continue;
    const { missing, present } = c.missingness;
    if (missing.rate === null || present.rate === null) continue;
    const score = Math.abs(Math.log((missing.rate + 1e-6) / (present.rate + 1e-6)));
    const bestScore = best ? Math.abs(Math.log((best.missing + 1e-6) / (best.present + 1e-6))) : -1;
    if (score > bestScore) best = { name: c.name, missingRate: c.missingRate, missing: missing.rate, present: present.rate };
  }
  return best;
}

function pct(share: number): string {
  const p = share * 100;
  return `${p < 10 ? p.toFixed(1) : p.toFixed(0)}%`;
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}
