// /api/openapi.json checked by two independent OpenAPI validators (@apidevtools/swagger-parser and
// @seriousme/openapi-schema-validator), with every operation named by a unique operationId and the license
// given by its SPDX identifier.
import SwaggerParser from '@apidevtools/swagger-parser';
import { Validator } from '@seriousme/openapi-schema-validator';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../src/serve/app.js';
import { openStore } from '../src/store/open.js';
import type { Store } from '../src/store/store.js';

let store: Store;
let app: FastifyInstance;
let doc: Record<string, unknown>;

beforeAll(async () => {
  store = await openStore(':memory:');
  app = await buildServer({ store, host: '127.0.0.1', webRoot: null });
  const r = await app.inject({ method: 'GET', url: '/api/openapi.json', headers: { host: '127.0.0.1:8080' } });
  expect(r.statusCode).toBe(200);
  doc = r.json();
});

afterAll(async () => {
  await app?.close();
  await store?.close();
});

describe('OpenAPI document', () => {
  it('is valid for @apidevtools/swagger-parser', async () => {
    // The parser dereferences in place: give it a copy.
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeTruthy();
  });

  it('is valid for @seriousme/openapi-schema-validator', async () => {
    const result = await new Validator().validate(structuredClone(doc) as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('names every operation with a unique operationId', () => {
    const ids: string[] = [];
    const missing: string[] = [];
    for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, { operationId?: string }>>)) {
      for (const [method, op] of Object.entries(item)) {
        if (op.operationId) ids.push(op.operationId);
        else missing.push(`${method.toUpperCase()} ${path}`);
      }
    }
    expect(missing).toEqual([]);
    expect(ids.length).toBeGreaterThan(10);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('gives the license an SPDX identifier', () => {
    expect((doc.info as { license: Record<string, string> }).license).toMatchObject({ identifier: 'Apache-2.0' });
  });
});
