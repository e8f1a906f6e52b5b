// Every route is declared from a contract with a response schema: what a route may answer is written
// down once (packages/contracts), filters the answer on the server and types the web app's call.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => {
  await s?.close();
});

describe('contracts', () => {
  it('gives every /api route a response schema', () => {
    const routes = s.app.routeTable.filter(
      (r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs') && r.url !== '/api/openapi.json',
    );
    const missing = routes.filter((r) => !(r.schema as { response?: unknown } | undefined)?.response).map((r) => `${r.method} ${r.url}`);
    expect(missing).toEqual([]);
  });

  it('lists every route in the OpenAPI document', async () => {
    const spec = (await s.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const documented = Object.entries(spec.paths as Record<string, Record<string, unknown>>).flatMap(([p, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${p.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    const routes = s.app.routeTable.filter(
      (r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs') && r.url !== '/api/openapi.json',
    );
    expect(routes.map((r) => `${r.method} ${r.url}`).filter((k) => !documented.includes(k))).toEqual([]);
  });

  it('drops a field the contract does not name', async () => {
    const Fastify = (await import('fastify')).default;
    const { serializerCompiler, validatorCompiler } = await import('fastify-type-provider-zod');
    const { route } = await import('@shixun/contracts');
    const { z } = await import('zod');
    const { schemaOf } = await import('../src/http/contract.ts');
    const c = route({ method: 'GET', path: '/x', summary: 'x', tags: [], response: z.object({ name: z.string() }) });
    const app = Fastify();
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    app.get(c.path, { schema: schemaOf(c) }, async () => ({ name: '李秀英', idNumber: '450102198604120117' }) as { name: string });
    const res = await app.inject({ method: 'GET', url: '/x' });
    expect(res.json()).toEqual({ name: '李秀英' });
    await app.close();
  });
});
