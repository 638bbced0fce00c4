import type { LevelRate } from './level-rates.js';
import type { ColumnProfile, DatasetProfile } from './profile-dataset.js';
import { clip, formatTextTable } from './text-table.js';

export interface FormatProfileOptions {
  /** Show conversion by level for this many of the strongest non-leaking categorical columns (default 3). */
  levelTables?: number;
  /** Longest column name or value shown before it is cut (default 30). */
  maxWidth?: number;
}

/**
 * Renders a profile as a compact plain-text report for a terminal: overview, class
 * balance, a table of columns, conversion by level for the strongest categorical
 * columns, leakage suspects, PII suspects and data-quality notes.
 */
export function formatProfile(profile: DatasetProfile, options: FormatProfileOptions = {}): string {
  const maxWidth = options.maxWidth ?? 30;
  const sections = [overview(profile), columnsSection(profile, maxWidth)];
  const levels = levelSection(profile, options.levelTables ?? 3, maxWidth);
  if (levels) sections.push(levels);
  sections.push(leakageSection(profile, maxWidth), piiSection(profile, maxWidth));
  if (profile.notes.length) sections.push(['Notes', ...profile.notes.map((n) => `  - ${n}`)].join('\n'));
  return `${sections.join('\n\n')}\n`;
}

/** The profile as indented JSON (numbers at full precision). */
export function toProfileJSON(profile: DatasetProfile): string {
  return `${JSON.stringify(profile, null, 2)}\n`;
}

function overview(p: DatasetProfile): string {
  const lines = [`Dataset ${p.name}: ${count(p.rows)} rows × ${count(p.columnCount)} columns`];
  if (!p.target) return [...lines, 'Target: none configured (no class balance, conversion rates or leakage AUCs)'].join('\n');
  const t = p.target;
  const labelled = t.positives + t.negatives;
  lines.push(`Target: ${t.column} = ${JSON.stringify(t.positive)}`, '');
  const rows = [
    ['converted', count(t.positives), percent(t.positives / labelled)],
    ['not converted', count(t.negatives), percent(t.negatives / labelled)],
  ];
  if (t.missing > 0) rows.push(['no label', count(t.missing), '']);
  lines.push(formatTextTable(['class', 'rows', 'share'], rows, ['left', 'right', 'right']));
  return lines.join('\n');
}

function columnsSection(p: DatasetProfile, maxWidth: number): string {
  const rows = p.columns.map((c) => [
    clip(c.name, maxWidth),
    c.kind,
    c.role === 'feature' ? (c.group ?? '') : c.role,
    c.missing ? percent(c.missingRate) : '',
    count(c.distinct),
    topValue(c, p.rows, maxWidth),
    summary(c),
    c.missingness ? `${rate(c.missingness.missing.rate)} / ${rate(c.missingness.present.rate)}` : '',
    c.auc ? c.auc.auc.toFixed(3) : '',
  ]);
  const headers = ['column', 'kind', 'role', 'missing', 'distinct', 'top value', 'summary', 'conv. miss/fill', 'AUC'];
  return `Columns\n${formatTextTable(headers, rows, ['left', 'left', 'left', 'right', 'right', 'left', 'left', 'right', 'right'])}`;
}

function levelSection(p: DatasetProfile, howMany: number, maxWidth: number): string | null {
  const suspects = new Set(p.leakage.map((s) => s.column));
  const strongest = p.columns
    .filter((c) => c.levels && c.auc && c.role === 'feature' && !suspects.has(c.name) && c.kind === 'categorical')
    .sort((a, b) => b.auc!.auc - a.auc!.auc)
    .slice(0, howMany);
  if (strongest.length === 0) return null;
  const blocks = strongest.map((c) => {
    const rows = c.levels!.map((l) => [levelName(l, maxWidth), count(l.count), percent(l.rate)]);
    return `  ${c.name} (AUC ${c.auc!.auc.toFixed(3)})\n${formatTextTable(['level', 'leads', 'converted'], rows, ['left', 'right', 'right'], 4)}`;
  });
  return `Conversion by level (strongest categorical features)\n${blocks.join('\n\n')}`;
}

function leakageSection(p: DatasetProfile, maxWidth: number): string {
  const title = `Leakage suspects (configured post-outcome, or single-column AUC ≥ ${p.settings.leakageThreshold})`;
  if (!p.target) return `${title}\n  (no target: not screened)`;
  if (p.leakage.length === 0) return `${title}\n  none`;
  const rows = p.leakage.map((s) => [
    clip(s.column, maxWidth),
    s.auc === null ? '' : s.auc.toFixed(3),
    s.aucPresent === null ? '' : s.aucPresent.toFixed(3),
    s.reasons.join('; '),
  ]);
  return `${title}\n${formatTextTable(['column', 'AUC', 'AUC filled', 'why'], rows, ['left', 'right', 'right', 'left'])}`;
}

function piiSection(p: DatasetProfile, maxWidth: number): string {
  const title = 'PII suspects (personal data: keep out of features and reports)';
  if (p.pii.length === 0) return `${title}\n  none found`;
  const rows = p.pii.map((s) => [
    clip(s.column, maxWidth),
    s.category ?? '',
    s.share === null ? '' : percent(s.share),
    s.reasons.join('; '),
  ]);
  return `${title}\n${formatTextTable(['column', 'looks like', 'matching', 'why'], rows, ['left', 'left', 'right', 'left'])}`;
}

function topValue(c: ColumnProfile, rows: number, maxWidth: number): string {
  const top = c.top[0];
  if (!top || c.kind === 'id' || c.kind === 'text') return '';
  return `${clip(String(top.value), Math.floor(maxWidth / 2))} (${percent(top.count / rows)})`;
}

function summary(c: ColumnProfile): string {
  if (c.numeric) {
    const s = c.numeric;
    return `mean ${num(s.mean)} sd ${num(s.sd)} | median ${num(s.median)} [${num(s.min)}, ${num(s.max)}]`;
  }
  if (c.dateRange) return `${c.dateRange.min.slice(0, 10)} … ${c.dateRange.max.slice(0, 10)}`;
  const listed = c.levels?.filter((l) => l.level !== 'other' && l.count >= 30);
  if (listed && listed.length > 1) {
    const rates = listed.map((l) => l.rate);
    return `conv. ${rate(Math.min(...rates))}–${rate(Math.max(...rates))} by level`;
  }
  return '';
}

function levelName(level: LevelRate, maxWidth: number): string {
  if (level.level === 'missing') return '(missing)';
  if (level.level === 'other') return '(other levels)';
  return clip(String(level.value), maxWidth);
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}

function percent(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

function rate(x: number | null): string {
  return x === null ? '–' : `${Math.round(x * 100)}%`;
}

/** A number in 3 significant digits, without exponent for everyday magnitudes. */
function num(x: number): string {
  if (Number.isInteger(x) && Math.abs(x) < 1e7) return count(x);
  const abs = Math.abs(x);
  if (abs >= 1e7 || (abs > 0 && abs < 1e-3)) return x.toExponential(2);
  return Number(x.toPrecision(3)).toLocaleString('en-US', { maximumFractionDigits: 4 });
}

/** One row per column of the profile, for a notebook table; values of personal-data columns are masked. */
export function profileTableRows(profile: DatasetProfile): Record<string, string | number | null>[] {
  const pii = new Set(profile.pii.map((p) => p.column));
  return profile.columns.map((c) => {
    const masked = pii.has(c.name) || c.role === 'pii';
    const top = c.top[0];
    return {
      column: c.name,
      kind: c.kind,
      role: c.role === 'feature' ? (c.group ?? '') : c.role,
      'missing %': Math.round(c.missingRate * 1000) / 10,
      distinct: c.distinct,
      'top value': top
        ? masked
          ? '(personal data)'
          : `${clip(String(top.value), 28)} (${((100 * top.count) / profile.rows).toFixed(1)}%)`
        : '',
      'conv. missing': c.missingness?.missing.rate == null ? null : Math.round(c.missingness.missing.rate * 1000) / 10,
      'conv. filled': c.missingness?.present.rate == null ? null : Math.round(c.missingness.present.rate * 1000) / 10,
      AUC: c.auc ? Math.round(c.auc.auc * 1000) / 1000 : null,
    };
  });
}
