import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Counter, escapeLabelValue, formatLabels, Gauge, Histogram } from './prometheus.js';

test('label values escape backslash, quote and line feed', () => {
  assert.equal(escapeLabelValue('a\\b"c\nd'), 'a\\\\b\\"c\\nd');
  assert.equal(formatLabels({}), '');
  assert.equal(formatLabels({ route: '/v1', status: '200' }), '{route="/v1",status="200"}');
});

test('a counter adds per label set and renders HELP, TYPE and one line per series', () => {
  const c = new Counter('x_total', 'Things.');
  c.inc({ a: '1' });
  c.inc({ a: '1' }, 2);
  c.inc({ a: '2' });
  assert.equal(c.get({ a: '1' }), 3);
  assert.equal(c.render(), '# HELP x_total Things.\n# TYPE x_total counter\nx_total{a="1"} 3\nx_total{a="2"} 1\n');
});

test('a histogram counts into cumulative buckets (upper bounds inclusive) with sum and count', () => {
  const h = new Histogram('d_seconds', 'Durations.', [0.1, 1]);
  for (const v of [0.05, 0.1, 0.5, 2]) h.observe(v, { r: 'a' });
  assert.equal(
    h.render(),
    [
      '# HELP d_seconds Durations.',
      '# TYPE d_seconds histogram',
      'd_seconds_bucket{r="a",le="0.1"} 2',
      'd_seconds_bucket{r="a",le="1"} 3',
      'd_seconds_bucket{r="a",le="+Inf"} 4',
      'd_seconds_sum{r="a"} 2.65',
      'd_seconds_count{r="a"} 4',
      '',
    ].join('\n'),
  );
  assert.throws(() => new Histogram('bad', 'x', [1, 1]), /must increase/);
});

test('a gauge reset drops the old series', () => {
  const g = new Gauge('info', 'Info.');
  g.set({ v: 'old' }, 1);
  g.reset();
  g.set({ v: 'new' }, 1);
  assert.equal(g.render(), '# HELP info Info.\n# TYPE info gauge\ninfo{v="new"} 1\n');
});
