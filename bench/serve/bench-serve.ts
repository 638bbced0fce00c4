/**
 * Load benchmark of `leadstack serve`: builds a gradient-boosting champion on the built-in data
 * (under bench/out/serve, reused on later runs), measures the Scorer in process, then starts
 * the server in a child process on loopback and drives single-lead POST /v1/score requests
 * with autocannon at a few concurrency levels.
 *
 *   npm run bench:serve [-- --leads 20000 --seconds 10 --connections 1,8,32 --batch 10000]
 *
 * Prints Markdown tables (requests/s, p50/p90/p99 latency, errors; the Scorer's median time
 * per lead with its breakdown and scoreMany throughput) and writes them to bench/out/serve/results.md.
 * Targets: ≥ 2,000 requests/s with p99 ≤ 20 ms; `scorer.score` ≤ 0.5 ms median.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { groupBy, readRawRecords } from '../../src/features/test-support/raw-records.js';
import { LeadServer } from '../../src/serve/lead-server.js';
import { buildBenchModel } from './build-bench-model.js';
import { measureInProcess } from './in-process.js';
import { type LoadResult, runLoad, startServer } from './load-test.js';
import { inProcessTable, loadTable, targetLines } from './report.js';

const { values } = parseArgs({
  options: {
    leads: { type: 'string', default: '20000' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '1,8,32' },
    batch: { type: 'string', default: '10000' },
    'no-reasons': { type: 'boolean', default: true },
  },
  allowNegative: true,
});
const leadCount = Number(values.leads);
const seconds = Number(values.seconds);
const levels = values.connections!.split(',').map(Number);
const outDir = resolve('bench/out/serve');
mkdirSync(outDir, { recursive: true });

const log = (text: string) => process.stderr.write(`${text}\n`);

log(`building (or reusing) a GBDT champion on ${leadCount.toLocaleString('en-US')} built-in leads …`);
const bench = await buildBenchModel(outDir, leadCount);
log(bench.built ? `  built in ${bench.seconds.toFixed(1)} s → ${bench.modelDir}` : `  reused ${bench.modelDir}`);

const events = groupBy(readRawRecords(join(bench.dataDir, 'events.csv')), 'lead_id');
const leads = readRawRecords(join(bench.dataDir, 'leads.csv')).map((lead) => ({ lead, events: events.get(lead.lead_id) ?? [] }));
const bodies = leads.slice(0, 5000).map((l) => JSON.stringify(l));
const bodyBytes = bodies.reduce((s, b) => s + b.length, 0) / bodies.length;

log('measuring the Scorer in process …');
const inProcessServer = await LeadServer.create({ modelDir: bench.modelDir, log: () => {} });
const inProcess = measureInProcess(inProcessServer, leads, Math.min(Number(values.batch), leads.length));
await inProcessServer.close();

log('starting leadstack serve …');
const server = await startServer(bench.modelDir);
const results: LoadResult[] = [];
try {
  log('  warm-up (3 s)');
  await runLoad(server.url, bodies, { connections: 8, seconds: 3, label: 'warm-up' });
  for (const connections of levels) {
    log(`  ${connections} connection(s), ${seconds} s`);
    results.push(
      await runLoad(server.url, bodies, { connections, seconds, label: 'default (3 reasons)', serverPid: server.child.pid }),
    );
  }
  if (values['no-reasons']) {
    const connections = levels.at(-1)!;
    log(`  ${connections} connections, ${seconds} s, ?reasons=0`);
    results.push(
      await runLoad(server.url, bodies, {
        connections,
        seconds,
        label: '`?reasons=0`',
        query: '?reasons=0',
        serverPid: server.child.pid,
      }),
    );
  }
} finally {
  const code = await server.stop();
  if (code !== 0) log(`the server exited with code ${code}`);
}

const report = [
  `## leadstack serve — ${leadCount.toLocaleString('en-US')}-lead GBDT champion, ${cpus().length} CPU(s), Node ${process.version}`,
  '',
  `Single-lead POST /v1/score (raw CSV rows with their events, ${Math.round(bodyBytes).toLocaleString('en-US')} bytes on average), autocannon in this process, server in a child process, ${seconds} s per level:`,
  '',
  loadTable(results),
  '',
  inProcessTable(inProcess),
  '',
  targetLines(results, inProcess),
  '',
].join('\n');
process.stdout.write(report);
writeFileSync(join(outDir, 'results.md'), report);
