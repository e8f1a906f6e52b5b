// Builds the Fastify app from the modules; used by main.ts and by the tests.
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from './context.ts';
import { registerAuthHook } from './http/auth-hook.ts';
import { registerDocs, registerOpenApi } from './http/docs.ts';
import { registerDeniedAccessAudit } from './modules/audit/access-denied.ts';
import { AppError } from './http/errors.ts';
import type { App } from './http/types.ts';
import { registerModules } from './modules/index.ts';

z.config(z.locales.zhCN());
// WEB_DIST: another build of the web app (a second checkout's browser tests beside this one's); default: apps/web/dist
const webDist = process.env.WEB_DIST
  ? path.resolve(process.env.WEB_DIST)
  : path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

/** A registered route with its access rule and schemas (zod): the scope matrix and the fuzz test walk these. */
export interface RouteEntry {
  method: string;
  url: string;
  access?: string;
  schema?: { params?: unknown; querystring?: unknown; body?: unknown };
}
declare module 'fastify' {
  interface FastifyInstance {
    routeTable: RouteEntry[];
  }
}

export async function buildApp(deps: Deps, opts: { logger?: boolean } = {}): Promise<App> {
  const app = Fastify({
    logger: opts.logger ? { level: 'info', redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]'] } : false,
    genReqId: () => randomUUID(),
    trustProxy: process.env.TRUST_PROXY === 'true',
    bodyLimit: 1024 * 1024,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        // over plain HTTP (a LAN address) upgrading would break every request; only behind HTTPS
        upgradeInsecureRequests: deps.config.session.secureCookie ? [] : null,
      },
    },
    hsts: deps.config.session.secureCookie,
  });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, ctx) => ({
      statusCode: 429,
      code: 'RATE_LIMITED',
      message: `请求过于频繁，请 ${Math.ceil(ctx.ttl / 1000)} 秒后再试`,
    }),
  });
  await app.register(multipart, { limits: { fileSize: deps.config.uploadMaxBytes, files: 1 } });
  await registerOpenApi(app);
  await registerDocs(app, markPublic);

  app.setErrorHandler((err, req, reply) => {
    if (err instanceof AppError) return reply.code(err.status).send({ code: err.code, message: err.message, fields: err.fields });
    if (hasZodFastifySchemaValidationErrors(err)) {
      const first = err.validation[0];
      const field = String(first?.instancePath ?? '').replace(/^\//, '');
      return reply
        .code(400)
        .send({ code: 'VALIDATION', message: first?.message ?? '输入有误', fields: field ? { [field]: first?.message } : undefined });
    }
    const dbError = databaseInputError(err);
    if (dbError) {
      req.log.warn({ err }, 'input refused by the database');
      return reply.code(dbError.status).send({ code: dbError.code, message: dbError.message });
    }
    const e = err as { statusCode?: number; code?: string; message?: string };
    if (e.statusCode === 429) return reply.code(429).send({ code: 'RATE_LIMITED', message: e.message });
    if (e.code === 'FST_REQ_FILE_TOO_LARGE') return reply.code(413).send({ code: 'FILE_TOO_LARGE', message: '文件过大' });
    if (e.statusCode && e.statusCode < 500)
      return reply.code(e.statusCode).send({ code: e.code ?? 'BAD_REQUEST', message: '请求格式有误' });
    req.log.error(err);
    return reply.code(500).send({ code: 'INTERNAL', message: `服务器内部错误，请稍后重试（请求编号 ${req.id}）` });
  });

  registerAuthHook(app, deps);
  registerDeniedAccessAudit(app, deps);
  // PostgreSQL refuses NUL in text; refuse it here, for every route, before any handler or query runs
  app.addHook('preValidation', async (req) => {
    if (hasNul(req.params) || hasNul(req.query) || hasNul(req.body))
      throw new AppError(400, 'VALIDATION', '输入中含有不允许的控制字符（\\0），请检查后重新提交');
  });
  // every route with the access rule it declared: the scope-matrix test walks this list
  const routeTable: RouteEntry[] = [];
  app.addHook('onRoute', (r) => {
    for (const method of [r.method].flat())
      if (method !== 'HEAD') routeTable.push({ method, url: r.url, access: r.config?.access, schema: r.schema as RouteEntry['schema'] });
  });
  app.decorate('routeTable', routeTable);
  registerModules(app, deps);

  if (existsSync(webDist)) {
    await app.register(async (web) => {
      markPublic(web); // the built web app: files anyone may load (the API behind it checks sessions)
      await web.register(fastifyStatic, { root: webDist, wildcard: false });
    });
  }
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || !existsSync(path.join(webDist, 'index.html')) || req.method !== 'GET')
      return reply.code(404).send({ code: 'NOT_FOUND', message: '接口不存在' });
    // client-side routes of the single-page app (the static plugin lives in its own context, so its
    // reply.sendFile is not available here: the small index.html is read and sent as it is)
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(readFileSync(path.join(webDist, 'index.html')));
  });
  return app;
}

/** Routes registered by a third-party plugin declare no access rule; the auth hook refuses such routes,
 *  so the plugins whose pages are public by nature are registered inside a context that marks them. */
function markPublic(ctx: App) {
  ctx.addHook('onRoute', (r) => {
    r.config = { ...(r.config as object), access: 'public' };
  });
}

function hasNul(v: unknown, depth = 0): boolean {
  if (typeof v === 'string') return v.includes('\0');
  if (!v || typeof v !== 'object' || depth > 32) return false;
  if (Buffer.isBuffer(v)) return false;
  return Object.entries(v).some(([k, x]) => k.includes('\0') || hasNul(x, depth + 1));
}

/** A safety net behind the schemas: input the database refuses is the caller's error (400), not ours (500).
 *  Class 22 is "data exception" (out of range, bad text, bad date); 23502/23503 a missing or dangling value. */
function databaseInputError(err: unknown): AppError | null {
  const code = (err as { code?: unknown }).code;
  if (typeof code !== 'string' || !/^[0-9A-Z]{5}$/.test(code)) return null;
  if (code.startsWith('22')) return new AppError(400, 'VALIDATION', '输入的数值、日期或文字超出允许范围，请检查后重新提交');
  if (code === '23502') return new AppError(400, 'VALIDATION', '缺少必填项，请补全后重新提交');
  if (code === '23503') return new AppError(400, 'VALIDATION', '引用的记录不存在，请刷新后重试');
  return null;
}
