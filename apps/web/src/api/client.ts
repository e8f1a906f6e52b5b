// fetch wrapper: session cookie, CSRF header, Chinese error messages, and the two redirects the
// server asks for (not logged in → /login, password change due → /change-password).

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let csrfFallback = '';
/** The server also returns the CSRF token in login/me answers; kept in case the cookie is unreadable. */
export function rememberCsrf(token: string | undefined) {
  if (token) csrfFallback = token;
}

function csrfToken(): string {
  const m = document.cookie.match(/(?:^|;\s*)sx_csrf=([^;]*)/);
  return m ? decodeURIComponent(m[1]!) : csrfFallback;
}

/** Pages reachable without a session: a 401 there must not bounce back to /login. */
export const PUBLIC_PATHS = ['/login', '/register', '/forgot'];

type Navigate = (to: string) => void;
let navigate: Navigate = (to) => window.location.assign(to);
/** The router registers its navigate function so redirects stay inside the single-page app. */
export function setNavigator(fn: Navigate) {
  navigate = fn;
}
type AuthEvent = 'session-lost' | 'password-change-required';
let onAuthEvent: (e: AuthEvent) => void = () => {};
/** Lets the app forget the user (401) or reload who they are (forced password change) before redirecting. */
export function setOnAuthEvent(fn: (e: AuthEvent) => void) {
  onAuthEvent = fn;
}

const NOTICE_KEY = 'sx_login_notice';
/** A message the login page shows once (the session expired, the user logged out): kept across the redirect. */
export function setLoginNotice(text: string) {
  try {
    sessionStorage.setItem(NOTICE_KEY, text);
  } catch {
    /* storage refused (private mode): the login page simply shows no notice */
  }
}
/** The notice for the login page (it clears it once shown: clearLoginNotice). */
export function peekLoginNotice(): string | null {
  try {
    return sessionStorage.getItem(NOTICE_KEY);
  } catch {
    return null;
  }
}
export function clearLoginNotice() {
  try {
    sessionStorage.removeItem(NOTICE_KEY);
  } catch {
    /* nothing to clear */
  }
}
export const SESSION_EXPIRED = '登录已过期，请重新登录';

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  query?: Record<string, string | number | undefined | null>;
  /** Do not redirect on 401/403 (used by the "who am I" probe). */
  noRedirect?: boolean;
}

export function withQuery(path: string, query?: RequestOptions['query']): string {
  if (!query) return path;
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') qs.set(k, String(v));
  const s = qs.toString();
  return s ? `${path}?${s}` : path;
}

export async function api<T>(path: string, opts: RequestOptions = {}): Promise<T> {
  const method = opts.method ?? (opts.body === undefined ? 'GET' : 'POST');
  const headers: Record<string, string> = { accept: 'application/json' };
  let body: BodyInit | undefined;
  if (opts.body instanceof FormData) body = opts.body;
  else if (opts.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  if (method !== 'GET') {
    const token = csrfToken();
    if (token) headers['x-csrf-token'] = token;
  }
  let res: Response;
  try {
    res = await fetch(withQuery(path, opts.query), { method, headers, body, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试');
  }
  const text = await res.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }
  if (!res.ok) {
    const e = (data ?? {}) as { code?: string; message?: string; fields?: Record<string, string> };
    const err = new ApiError(res.status, e.code ?? `HTTP_${res.status}`, e.message ?? `请求失败（${res.status}），请稍后重试`, e.fields);
    if (!opts.noRedirect) {
      const here = window.location.pathname;
      if (res.status === 401 && err.code === 'UNAUTHENTICATED' && !PUBLIC_PATHS.includes(here)) {
        // the pages behind the login call the API only once «who am I» said logged in: this session has ended
        setLoginNotice(SESSION_EXPIRED);
        onAuthEvent('session-lost');
        navigate('/login');
      } else if (res.status === 403 && err.code === 'PASSWORD_CHANGE_REQUIRED' && here !== '/change-password') {
        onAuthEvent('password-change-required');
        navigate('/change-password');
      }
    }
    throw err;
  }
  return data as T;
}

export const get = <T>(path: string, query?: RequestOptions['query']) => api<T>(path, { query });
export const post = <T>(path: string, body?: unknown) => api<T>(path, { method: 'POST', body: body ?? {} });
export const put = <T>(path: string, body?: unknown) => api<T>(path, { method: 'PUT', body: body ?? {} });

export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
