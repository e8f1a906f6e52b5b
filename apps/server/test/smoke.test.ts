import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, TEST_DB, startTestServer, type TestServer } from './harness.ts';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => {
  await s?.close();
});

describe(`health on ${TEST_DB}`, () => {
  it('reports which database kind is in use', async () => {
    const r = await new Client(s).get('/api/health');
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ ok: true, database: TEST_DB });
  });
});
