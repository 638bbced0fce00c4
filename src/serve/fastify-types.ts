/** What the server adds to Fastify's request and route config types. */
declare module 'fastify' {
  interface FastifyRequest {
    /** Leads in the request (0 when it scores none), for the request log. */
    leadCount: number;
    /** Version of the model that answered, for the request log. */
    modelVersion: string;
  }
  interface FastifyContextConfig {
    /** Served without a token even when bearer-token auth is on. */
    open?: boolean;
  }
}

export {};
