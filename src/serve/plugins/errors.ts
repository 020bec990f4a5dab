// Error mapping: every error becomes {statusCode, error, message}; validation errors say which parameter and,
// for an unknown one, which are known; internal errors are logged and shown without their details.
import fp from 'fastify-plugin';
import type { JsonSchema } from '../schemas.js';

/** An error with the HTTP status it should be answered with. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
  }
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed',
  406: 'Not Acceptable', 408: 'Request Timeout', 413: 'Payload Too Large', 415: 'Unsupported Media Type', 421: 'Misdirected Request',
  429: 'Too Many Requests', 500: 'Internal Server Error',
};

type RouteError = Error & { statusCode?: number; validation?: { params?: Record<string, unknown> }[] };

export const errorsPlugin = fp(async (app) => {
  app.setErrorHandler((err: RouteError, req, reply) => {
    let status = err.statusCode ?? 500;
    let message = err.message;
    if (err.validation) {
      status = 400;
      const extra = err.validation[0]?.params?.additionalProperty;
      if (typeof extra === 'string') message = `${message}: ${JSON.stringify(extra)} (known: ${Object.keys(((req.routeOptions.schema?.querystring ?? req.routeOptions.schema?.body ?? {}) as JsonSchema).properties ?? {}).join(', ')})`;
    }
    if (status >= 500) {
      req.log.error(err);
      message = 'internal error';
    }
    void reply.code(status).type('application/json; charset=utf-8').send({ statusCode: status, error: STATUS_TEXT[status] ?? 'Error', message });
  });
  app.setNotFoundHandler((req, reply) => {
    void reply.code(404).type('application/json; charset=utf-8').send({ statusCode: 404, error: 'Not Found', message: `no such route: ${req.method} ${req.url.split('?')[0]}` });
  });
}, { name: 'salvo-errors' });
