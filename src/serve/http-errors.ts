import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { formatByteSize } from './byte-size.js';
import type { RequestLog } from './request-log.js';
import { problemsFromSchemaErrors, type RequestProblem, type SchemaError } from './request-problems.js';

/** Most problems listed in one 400 response. */
export const MAX_LISTED_PROBLEMS = 1000;

/** The JSON body of every error response. */
export interface ErrorBody {
  error: string;
  message: string;
  problems?: RequestProblem[];
  /** Problems beyond MAX_LISTED_PROBLEMS, left out of the list. */
  omittedProblems?: number;
}

/** An error with its HTTP status and a stable error code for clients. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** Sends a 400 naming every problem (up to MAX_LISTED_PROBLEMS). */
export function sendProblems(reply: FastifyReply, problems: readonly RequestProblem[]): FastifyReply {
  const listed = problems.slice(0, MAX_LISTED_PROBLEMS);
  const body: ErrorBody = {
    error: 'invalid-request',
    message: `${problems.length} problem${problems.length === 1 ? '' : 's'} with the request: ${listed
      .slice(0, 3)
      .map((p) => `${p.field} ${p.message}`)
      .join('; ')}${problems.length > 3 ? '; …' : ''}`,
    problems: listed,
  };
  if (problems.length > listed.length) body.omittedProblems = problems.length - listed.length;
  return reply.code(400).send(body);
}

/**
 * Error responses as JSON with a code a client can branch on: malformed JSON and empty
 * bodies 400, oversize bodies 413, other content types 415, unknown routes 404, anything
 * unexpected 500 (logged by class name only: error messages may quote request data).
 */
export function installErrorHandlers(app: FastifyInstance, log: RequestLog, bodyLimit: number): void {
  app.setNotFoundHandler((request, reply) => {
    reply.code(404).send({ error: 'not-found', message: `no route ${request.method} ${request.url.split('?')[0]}` });
  });
  app.setErrorHandler((error: FastifyError | HttpError, _request, reply) => {
    const send = (status: number, code: string, message: string): void => void reply.code(status).send({ error: code, message });
    if (error instanceof HttpError) return send(error.statusCode, error.code, error.message);
    const fastifyError = error as FastifyError;
    if (fastifyError.validation)
      return sendProblems(reply, problemsFromSchemaErrors(fastifyError.validation as unknown as SchemaError[], undefined));
    switch (fastifyError.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return send(413, 'body-too-large', `the request body is larger than the limit of ${formatByteSize(bodyLimit)}`);
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return send(415, 'unsupported-media-type', 'send the body as JSON with the header Content-Type: application/json');
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
        return send(400, 'malformed-json', 'the body is not valid JSON (check quotes, commas and brackets)');
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return send(400, 'empty-body', 'the body is empty; send a JSON object');
      case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
        return send(400, 'bad-content-length', 'the body length does not match the Content-Length header');
    }
    const status = fastifyError.statusCode ?? 500;
    if (status >= 400 && status < 500) return send(status, 'bad-request', fastifyError.message);
    // Stack frames only: the first line of a stack is the message, which may quote request data.
    const frames = (fastifyError.stack ?? '')
      .split('\n')
      .slice(1, 8)
      .map((f) => f.trim())
      .join(' | ');
    log.event('error', 'internal error', { error: fastifyError.name ?? 'Error', code: fastifyError.code ?? null, frames });
    return send(500, 'internal', 'internal error; the server log has its class');
  });
}
