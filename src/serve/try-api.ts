import { LeadServer } from './lead-server.js';

export interface ApiExchange {
  url: string;
  status: number;
  /** The JSON body of `POST /v1/score`. */
  body: Record<string, unknown>;
  /** The JSON body of `GET /healthz`. */
  health: unknown;
}

/**
 * Starts the scoring API on a free loopback port with a model folder, posts one lead to
 * `/v1/score`, reads `/healthz`, and stops the server: the API round trip in one call, for
 * notebooks, demos and smoke tests.
 */
export async function tryScoringApi(
  modelDir: string,
  request: { lead: Readonly<Record<string, unknown>>; events?: readonly unknown[] },
): Promise<ApiExchange> {
  const server = await LeadServer.create({ modelDir, port: 0, log: () => undefined });
  try {
    const url = await server.listen();
    const response = await fetch(`${url}/v1/score`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request),
    });
    const body = (await response.json()) as Record<string, unknown>;
    const health = await (await fetch(`${url}/healthz`)).json();
    return { url, status: response.status, body, health };
  } finally {
    await server.close();
  }
}
