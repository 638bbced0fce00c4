import type { Command } from 'commander';
import { ConfigError } from '../core/errors.js';
import { readApiTokens } from '../serve/bearer-tokens.js';
import { parseByteSize } from '../serve/byte-size.js';
import { LeadServer } from '../serve/lead-server.js';
import { handleServeSignals } from '../serve/serve-signals.js';
import { cliIo } from './io.js';
import { parseIntegerFlag } from './parse-flags.js';

interface ServeFlags {
  model: string;
  port: string;
  host: string;
  maxLeads: string;
  bodyLimit: string;
  unknownFields: string;
  tokenFile?: string;
  leadsFile?: string;
  segmentField?: string;
  stageField?: string;
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description(
      'Serve an exported model over HTTP: POST /v1/score, GET /v1/model, /healthz, /metrics, /openapi.json, and the dashboard at /. ' +
        'SIGHUP or POST /v1/admin/reload reloads the model; SIGINT/SIGTERM stop after the requests in flight',
    )
    .requiredOption('--model <dir>', 'an exported model folder (models/<name>/<version>)')
    .option('--port <n>', 'port (0 picks a free one)', '8080')
    .option('--host <host>', 'interface to listen on (0.0.0.0 for every interface)', '127.0.0.1')
    .option('--max-leads <n>', 'most leads in one request', '1000')
    .option('--body-limit <size>', 'largest request body, e.g. 1mb or 512kb', '1mb')
    .option(
      '--unknown-fields <ignore|reject>',
      'fields the model does not read: ignore (listed as warnings) or reject (400)',
      'ignore',
    )
    .option('--token-file <file>', 'API tokens, one per line (also LEADSTACK_API_TOKENS, comma-separated); without any, no auth')
    .option('--leads-file <file>', 'a scored CSV or JSON-lines file for the dashboard (default: the recent API requests)')
    .option(
      '--segment-field <field>',
      'categorical field the dashboard filters by (default job_title, industry, … whichever exists)',
    )
    .option(
      '--stage-field <field>',
      "the scored file's stage column for the funnel (default predicted_stage, stage or funnel_stage)",
    )
    .action(async (flags: ServeFlags) => {
      if (flags.unknownFields !== 'ignore' && flags.unknownFields !== 'reject')
        throw new ConfigError(`--unknown-fields must be ignore or reject, got "${flags.unknownFields}"`);
      const tokens = readApiTokens({ file: flags.tokenFile, env: process.env.LEADSTACK_API_TOKENS });
      const server = await LeadServer.create({
        modelDir: flags.model,
        host: flags.host,
        port: parseIntegerFlag('--port', flags.port, 0, 65_535),
        maxLeads: parseIntegerFlag('--max-leads', flags.maxLeads, 1, 100_000),
        bodyLimit: parseByteSize('--body-limit', flags.bodyLimit),
        unknownFields: flags.unknownFields,
        tokens,
        leadsFile: flags.leadsFile,
        segmentField: flags.segmentField,
        stageField: flags.stageField,
        log: (line) => cliIo().out(line),
      });
      const signals = handleServeSignals(server);
      try {
        const url = await server.listen();
        const model = server.context.models.current.version;
        const auth = tokens.length
          ? `bearer tokens required (${tokens.length})`
          : 'no auth (give --token-file to require tokens)';
        cliIo().err(
          `leadstack serve: ${model} at ${url}\n  dashboard ${url}/  ·  API POST ${url}/v1/score  ·  docs ${url}/openapi.json  ·  ${auth}\n`,
        );
      } catch (error) {
        signals.dispose();
        await server.close();
        throw new ConfigError(
          `cannot listen on ${flags.host}:${flags.port}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
        );
      }
      await signals.stopped;
      signals.dispose();
    });
}
