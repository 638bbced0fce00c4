import { type FastifyInstance, fastify } from 'fastify';
import { ConfigError } from '../core/errors.js';
import { installBearerAuth } from './bearer-auth-hook.js';
import { BearerTokens } from './bearer-tokens.js';
import './fastify-types.js';
import { installErrorHandlers } from './http-errors.js';
import { ModelHolder, type ModelHolderEvents, type ReloadOutcome } from './model-holder.js';
import { RecentLeads } from './recent-leads.js';
import { RequestLog } from './request-log.js';
import { installRequestObserver } from './request-observer.js';
import { registerDashboardRoutes } from './routes/dashboard-routes.js';
import { registerHealthRoute } from './routes/health-route.js';
import { registerMetricsRoute } from './routes/metrics-route.js';
import { registerModelRoute } from './routes/model-route.js';
import { registerOpenApiRoute } from './routes/openapi-route.js';
import { registerReloadRoute } from './routes/reload-route.js';
import { registerScoreRoute } from './routes/score-route.js';
import { ScoredLeadsFile } from './scored-leads-file.js';
import type { ServeContext } from './serve-context.js';
import { ServeMetrics } from './serve-metrics.js';
import { type ResolvedServeOptions, resolveServeOptions, type ServeOptions } from './serve-options.js';
import type { BodyValidator, SchemaCompiler } from './served-model.js';

/** Options of the JSON Schema validator: every error collected, values never coerced or removed. */
const AJV_OPTIONS = { allErrors: true, allowUnionTypes: true, coerceTypes: false, removeAdditional: false, useDefaults: false };

const ROUTES = [
  registerScoreRoute,
  registerModelRoute,
  registerHealthRoute,
  registerMetricsRoute,
  registerOpenApiRoute,
  registerReloadRoute,
  registerDashboardRoutes,
];

/**
 * The scoring server: a Fastify app with the API (POST /v1/score, GET /v1/model, /healthz,
 * /metrics, /openapi.json, POST /v1/admin/reload) and the dashboard (GET /, its data under
 * /v1/dashboard/leads), one model held and swapped atomically on reload, bearer-token auth
 * when tokens are given, a request log without personal data, and graceful shutdown.
 */
export class LeadServer {
  private closing: Promise<void> | null = null;
  private address: string | null = null;

  private constructor(
    readonly app: FastifyInstance,
    readonly context: ServeContext,
    private readonly options: ResolvedServeOptions,
    private readonly lifecycle: { closing: boolean },
  ) {}

  /** Builds the server and loads the model (verified); does not listen yet. */
  static async create(serveOptions: ServeOptions): Promise<LeadServer> {
    const options = resolveServeOptions(serveOptions);
    const tokens = new BearerTokens(options.tokens);
    const log = new RequestLog(options.log);
    const metrics = new ServeMetrics();
    const app = fastify({
      logger: false,
      bodyLimit: options.bodyLimit,
      ajv: { customOptions: AJV_OPTIONS },
      return503OnClosing: true,
      forceCloseConnections: 'idle',
    });
    app.removeContentTypeParser('text/plain');
    app.decorateRequest('leadCount', 0);
    app.decorateRequest('modelVersion', '');
    const models = new ModelHolder(
      {
        compile: compilerOf(app),
        maxLeads: options.maxLeads,
        unknownFields: options.unknownFields,
        segmentField: options.segmentField,
      },
      reportModelEvents(metrics, log),
    );
    const context: ServeContext = {
      models,
      metrics,
      log,
      recent: new RecentLeads(options.recentLeads),
      scoredFile: options.leadsFile
        ? new ScoredLeadsFile(options.leadsFile, { segmentField: options.segmentField, stageField: options.stageField })
        : null,
      authEnabled: tokens.enabled,
      maxLeads: options.maxLeads,
      bodyLimit: options.bodyLimit,
      unknownFields: options.unknownFields,
      segmentField: options.segmentField,
      startedAt: Date.now(),
    };
    const lifecycle = { closing: false };
    installErrorHandlers(app, log, options.bodyLimit);
    installBearerAuth(app, tokens);
    installRequestObserver(app, context, lifecycle);
    for (const register of ROUTES) register(app, context);
    await app.ready();
    try {
      await models.load(options.modelDir);
    } catch (error) {
      await app.close();
      throw error;
    }
    return new LeadServer(app, context, options, lifecycle);
  }

  /** Starts listening; returns the base URL (http://host:port). */
  async listen(): Promise<string> {
    const { host, port } = this.options;
    await this.app.listen({ host, port });
    const address = this.app.server.address();
    const bound = typeof address === 'object' && address ? address.port : port;
    this.address = `http://${host.includes(':') ? `[${host}]` : host}:${bound}`;
    this.context.log.event('info', 'listening', {
      url: this.address,
      modelVersion: this.context.models.version,
      auth: this.context.authEnabled,
      unknownFields: this.options.unknownFields,
    });
    return this.address;
  }

  /** The base URL once listening. */
  get url(): string | null {
    return this.address;
  }

  /** Loads the model folder again (or another), swapping only when it loaded and verified. */
  reload(dir?: string): Promise<ReloadOutcome> {
    return this.context.models.reload(dir);
  }

  /**
   * Stops accepting connections, lets the requests in flight finish (cutting connections
   * only after the grace period), then resolves. Safe to call more than once.
   */
  close(): Promise<void> {
    this.closing ??= (async () => {
      this.lifecycle.closing = true;
      this.context.log.event('info', 'shutting down: finishing requests in flight');
      const timer = setTimeout(() => this.app.server.closeAllConnections(), this.options.shutdownGraceMs);
      timer.unref();
      try {
        await this.app.close();
      } finally {
        clearTimeout(timer);
      }
      this.context.log.event('info', 'stopped');
    })();
    return this.closing;
  }
}

/** Compiles request schemas with Fastify's validator (available once the app is ready). */
function compilerOf(app: FastifyInstance): SchemaCompiler {
  return (schema) => {
    const compiler = app.validatorCompiler;
    if (!compiler) throw new ConfigError('the request validator is not ready');
    return compiler({ schema, method: 'POST', url: '/v1/score', httpPart: 'body' }) as unknown as BodyValidator;
  };
}

/** The model info gauge follows the model in service; reloads are counted and logged. */
function reportModelEvents(metrics: ServeMetrics, log: RequestLog): ModelHolderEvents {
  return {
    onServe: (model) =>
      metrics.setModel({
        modelVersion: model.version,
        modelKind: model.info.manifest.modelKind,
        createdAt: model.info.manifest.createdAt,
      }),
    onReload: (outcome) => {
      metrics.recordReload(outcome.ok);
      if (outcome.ok)
        log.event('info', 'model reloaded', {
          modelVersion: outcome.modelVersion,
          previousVersion: outcome.previousVersion,
          dir: outcome.dir,
          seconds: Math.round(outcome.seconds * 1000) / 1000,
        });
      else
        log.event('error', 'model reload failed; still serving the previous model', {
          modelVersion: outcome.modelVersion,
          reason: outcome.reason,
          dir: outcome.dir,
        });
    },
  };
}
