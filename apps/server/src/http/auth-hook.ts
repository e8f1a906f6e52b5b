// The authorization choke point: every /api route declares `config.access`, and this hook decides
// before any handler runs — session, idle timeout, CSRF, forced password change, permission.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { can, type Access, type Actor } from '../access/policy.ts';
import type { Deps, RequestCtx } from '../context.ts';
import { actorOf, loadAccount, type Account } from '../modules/auth/actor.ts';
import { CSRF_COOKIE, SESSION_COOKIE, findLiveSession, revokeSession, touchSession } from '../modules/auth/sessions.ts';
import { AppError } from './errors.ts';

declare module 'fastify' {
  interface FastifyRequest {
    actor?: Actor;
    account?: Account;
    ctx: RequestCtx;
    csrfToken?: string;
    sessionExpired?: boolean;
  }
  interface FastifyContextConfig {
    access?: Access;
  }
}

/** Routes a user who must change the password can still call. */
const ALLOWED_BEFORE_PASSWORD_CHANGE = new Set(['/api/auth/me', '/api/auth/password', '/api/auth/logout']);
/** …and one who must enrol in two-factor authentication (a forced password change comes first). */
const ALLOWED_BEFORE_TOTP_ENROLMENT = new Set([
  ...ALLOWED_BEFORE_PASSWORD_CHANGE,
  '/api/account/totp',
  '/api/account/totp/setup',
  '/api/account/totp/enable',
]);
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const TOUCH_AFTER_MS = 30_000;

export function registerAuthHook(app: FastifyInstance, deps: Deps) {
  app.decorateRequest('ctx', null as unknown as RequestCtx);
  app.addHook('onRequest', async (req, reply) => {
    req.ctx = { ip: req.ip, requestId: req.id };
    // Decide on the route the router matched, never on the raw URL: `/%61pi/outbox` or an absolute-form
    // request line reach the same handler as `/api/outbox`, so they must meet the same rule.
    if (req.is404) return; // no route matched: the not-found handler answers, no handler runs
    const access = req.routeOptions.config?.access;
    // deny by default: a route that forgot to declare who may call it is refused, whatever its URL
    if (!access) throw new AppError(403, 'NO_ACCESS_RULE', '该接口未声明访问规则，已拒绝');
    await attachActor(req, reply, deps);
    if (access === 'public') return checkOrigin(req);
    const actor = req.actor;
    if (!actor) {
      throw new AppError(401, 'UNAUTHENTICATED', req.sessionExpired ? '登录已超时，请重新登录' : '请先登录');
    }
    if (!SAFE_METHODS.has(req.method) && req.headers['x-csrf-token'] !== req.csrfToken) {
      throw new AppError(403, 'CSRF', '页面已过期，请刷新后重试');
    }
    if (actor.mustChangePassword && !ALLOWED_BEFORE_PASSWORD_CHANGE.has(req.routeOptions.url ?? '')) {
      throw new AppError(403, 'PASSWORD_CHANGE_REQUIRED', '您正在使用初始密码或管理员重置的密码，请先修改密码');
    }
    if (actor.mustEnrollTotp && !ALLOWED_BEFORE_TOTP_ENROLMENT.has(req.routeOptions.url ?? ''))
      throw new AppError(403, 'TOTP_ENROLLMENT_REQUIRED', '您的账号须启用两步验证：请先用手机验证器绑定账号，完成后即可继续使用平台');
    if (!can(actor, access)) throw new AppError(403, 'FORBIDDEN', '您没有权限执行此操作');
  });
}

async function attachActor(req: FastifyRequest, reply: FastifyReply, deps: Deps) {
  const token = req.cookies[SESSION_COOKIE];
  if (!token) return;
  const session = await findLiveSession(deps.db, token);
  if (!session) {
    req.sessionExpired = true;
    return;
  }
  const idleFor = Date.now() - session.last_seen_at.getTime();
  if (idleFor > session.idle_seconds * 1000) {
    await revokeSession(deps.db, session.id);
    req.sessionExpired = true;
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return;
  }
  const account = await loadAccount(deps.db, session.user_id);
  const actor = account && actorOf(account, session.id);
  if (!actor) return; // disabled since login
  req.actor = actor;
  req.account = account;
  req.ctx.actor = actor;
  req.csrfToken = session.csrf_token;
  if (idleFor > TOUCH_AFTER_MS) await touchSession(deps.db, session.id);
  // keep the readable CSRF cookie in step with the session (e.g. after a browser restored tabs)
  if (req.cookies[CSRF_COOKIE] !== session.csrf_token) setCsrfCookie(reply, session.csrf_token, deps);
}

/** Login-CSRF: a state-changing public call from another site's page is refused. */
function checkOrigin(req: FastifyRequest) {
  if (SAFE_METHODS.has(req.method)) return;
  const origin = req.headers.origin;
  if (!origin) return; // same-origin form posts and non-browser clients
  let host: string | null = null;
  try {
    host = new URL(origin).host;
  } catch {
    /* "null" or garbage: treat as another site */
  }
  if (host !== req.headers.host) throw new AppError(403, 'CSRF', '请求来源不被允许');
}

export function setCsrfCookie(reply: FastifyReply, csrfToken: string, deps: Deps) {
  reply.setCookie(CSRF_COOKIE, csrfToken, { path: '/', sameSite: 'strict', httpOnly: false, secure: deps.config.session.secureCookie });
}

export function setSessionCookies(reply: FastifyReply, s: { token: string; csrfToken: string; expires: Date }, deps: Deps) {
  reply.setCookie(SESSION_COOKIE, s.token, {
    path: '/',
    sameSite: 'lax',
    httpOnly: true,
    secure: deps.config.session.secureCookie,
    expires: s.expires,
  });
  setCsrfCookie(reply, s.csrfToken, deps);
}

export function clearSessionCookies(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
  reply.clearCookie(CSRF_COOKIE, { path: '/' });
}
