// The auth hook decides on the route the router matched. An outside test reached handlers without a
// session through `/%61pi/outbox` and absolute-form request lines; here every registered route is tried
// that way over a real socket, anonymous and with a role that may not call it.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DB, loginAs, startTestServer, type Client, type TestServer } from './harness.ts';

let s: TestServer;
let port = 0;
let teacher: Client;

beforeAll(async () => {
  s = await startTestServer();
  await s.app.listen({ port: 0, host: '127.0.0.1' });
  port = (s.app.server.address() as net.AddressInfo).port;
  teacher = await loginAs(s, 'demo-teacher');
});
afterAll(async () => {
  await s?.close();
});

/** One raw HTTP/1.1 exchange: the request line goes out exactly as written (no client normalises it). */
function raw(method: string, target: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const sock = net.connect(port, '127.0.0.1');
    const body = method === 'GET' || method === 'DELETE' ? '' : '{}';
    const head = [
      `${method} ${target} HTTP/1.1`,
      `Host: 127.0.0.1:${port}`,
      'Connection: close',
      ...(body ? ['Content-Type: application/json', `Content-Length: ${body.length}`] : []),
      ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
    ].join('\r\n');
    let data = '';
    sock.setEncoding('latin1');
    sock.on('data', (d) => {
      data += d;
    });
    sock.on('error', reject);
    sock.on('end', () => resolve({ status: Number(data.slice(9, 12)), body: data.slice(data.indexOf('\r\n\r\n') + 4) }));
    sock.write(`${head}\r\n\r\n${body}`);
  });
}

const encodeA = (p: string) => p.replace(/^\/api\//, '/%61pi/');
const encodeI = (p: string) => p.replace(/^\/api\//, '/ap%69/');
const fill = (url: string) => url.replace(/:[A-Za-z]+/g, '1');

describe(`auth hook decides on the matched route (${TEST_DB})`, () => {
  it('refuses encoded and absolute-form requests to every protected route without a session', async () => {
    const leaks: string[] = [];
    const protectedRoutes = s.app.routeTable.filter((r) => r.url.startsWith('/api/') && r.access !== 'public');
    expect(protectedRoutes.length).toBeGreaterThan(100);
    for (const r of protectedRoutes) {
      const p = fill(r.url);
      for (const target of [encodeA(p), encodeI(p), `http://127.0.0.1:${port}${p}`, `http://evil.example${encodeA(p)}`]) {
        const res = await raw(r.method, target);
        // 401 (no session) or 404/400 (the router did not match the odd form): never the handler's answer
        if (![400, 401, 404].includes(res.status)) leaks.push(`${r.method} ${target} → ${res.status}`);
      }
    }
    expect(leaks).toEqual([]);
  }, 300_000);

  it('refuses the account-takeover chain: the outbox and unlock through encoded paths', async () => {
    for (const target of ['/%61pi/outbox', '/ap%69/audit', '/api/%61udit', `http://x${'/api/outbox'}`, '/%61pi/security/locked']) {
      const res = await raw('GET', target);
      expect([401, 404], `${target}: ${res.status} ${res.body.slice(0, 80)}`).toContain(res.status);
      expect(res.body).not.toMatch(/验证码|recipient/);
    }
    expect((await raw('POST', '/%61pi/security/users/1/unlock')).status).toBe(401);
  });

  it('applies the role check to encoded paths too: a teacher is refused admin routes', async () => {
    for (const p of ['/%61pi/outbox', '/%61pi/audit', '/%61pi/teachers', '/ap%69/security/locked']) {
      expect((await teacher.get(p)).status, p).toBe(403);
    }
  });

  it('refuses a route that declares no access rule, whatever its URL', async () => {
    const app = (await import('fastify')).default();
    const { registerAuthHook } = await import('../src/http/auth-hook.ts');
    await app.register((await import('@fastify/cookie')).default);
    registerAuthHook(app, s.deps);
    app.setErrorHandler((e: { status?: number; code?: string }, _req, reply) => reply.code(e.status ?? 500).send({ code: e.code }));
    app.get('/not-api/secret', async () => ({ secret: true }));
    app.get('/api/also-secret', async () => ({ secret: true }));
    for (const url of ['/not-api/secret', '/api/also-secret', '/%61pi/also-secret']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(403);
      expect(res.json().code).toBe('NO_ACCESS_RULE');
    }
    await app.close();
  });

  it('still serves public routes and answers unknown paths with 404', async () => {
    expect((await raw('GET', '/api/health')).status).toBe(200);
    expect((await raw('GET', '/%61pi/health')).status).toBe(200);
    expect((await raw('GET', '/api/no-such-route')).status).toBe(404);
  });
});
