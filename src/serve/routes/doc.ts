// A route's schema from a short description: fastify validates params, query, headers and body against it,
// and @fastify/swagger builds /api/openapi.json from the same object (summary, tags, responses, security).
import type { FastifySchema } from 'fastify';
import { errorSchema, type JsonSchema } from '../schemas.js';
import { BODY_LIMIT } from '../../settings.js';

export interface RouteDoc {
  /** The operation's unique name in /api/openapi.json, for client generators ("listEvents"). */
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  params?: JsonSchema;
  querystring?: JsonSchema;
  body?: JsonSchema;
  headers?: JsonSchema;
  /** Answers by status code, with the media type when it is not JSON. */
  responses: Record<number, { description: string; schema?: JsonSchema; type?: string }>;
  consumes?: string[];
  /** A write route: needs the token beyond localhost, refuses cross-site requests. */
  write?: boolean;
}

const json = (description: string, schema: JsonSchema = errorSchema) => ({ description, content: { 'application/json': { schema } } });

export function routeSchema(doc: RouteDoc, needToken: boolean): FastifySchema {
  const response: Record<string, unknown> = {};
  for (const [code, r] of Object.entries(doc.responses)) {
    response[code] = { description: r.description, content: { [r.type ?? 'application/json']: { schema: r.schema ?? { type: 'string' } } } };
  }
  response[400] ??= json('Bad parameters: the message says which and why');
  response[500] ??= json('Internal error');
  if (doc.write) {
    response[401] = json('Token missing or wrong (when the server listens beyond localhost)');
    response[403] = json('Cross-site request refused');
    response[413] = json(`Body over ${BODY_LIMIT / 1024 / 1024} MB`);
  }
  const schema: Record<string, unknown> = {
    operationId: doc.operationId,
    summary: doc.summary,
    description: doc.description,
    tags: doc.tags,
    params: doc.params,
    querystring: doc.querystring,
    body: doc.body,
    headers: doc.headers,
    consumes: doc.consumes,
    security: doc.write ? (needToken ? [{ bearer: [] }] : []) : undefined,
    response,
  };
  return Object.fromEntries(Object.entries(schema).filter(([, v]) => v !== undefined));
}
