// One place for deployment settings: shixun.config.json (or SHIXUN_CONFIG=path) overlaid by environment variables.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_PASSWORD_POLICY, ROLES, type PasswordPolicy } from '@shixun/domain';
import { z } from 'zod';

export interface Config {
  port: number;
  host: string;
  /** Embedded PGlite data directory; ignored when databaseUrl is set. */
  dataDir: string;
  databaseUrl?: string;
  /** Where uploaded photos are kept: outside the web root, served only through the API. */
  uploadDir: string;
  provinceCode: string;
  platformTitle: string;
  demoData: boolean;
  passwordPolicy: PasswordPolicy;
  lockout: { maxFailures: number; windowMinutes: number; lockMinutes: number };
  session: { teacherIdleMinutes: number; adminIdleMinutes: number; absoluteHours: number; secureCookie: boolean };
  rateLimit: { loginPerMinutePerIp: number; codesPerHourPerTarget: number };
  verificationCodeMinutes: number;
  uploadMaxBytes: number;
  /** The credit policy a new deployment starts with (guangxi, national_hours, shanghai_style); later versions are edited in the console. */
  creditPolicy: string;
  /** A CJK font for PDFs (certificates, notices): Debian's fonts-noto-cjk by default. */
  pdfFont: string;
  /** The platform's public address (scheme, host, optional path): every link in a PDF, QR code, e-mail or SMS is built
   *  from it, never from request headers. Required in production (NODE_ENV=production). */
  publicUrl: string;
  /** Where the keys that protect personal data and the audit chain live: a JSON file outside the database
   *  (created with fresh random keys on first start). Empty: keys held in memory only (tests). */
  keyFile: string;
  /** Where signed audit checkpoints are written (outside the audit table). Empty: $DATA_DIR/audit-checkpoints. */
  auditCheckpointDir: string;
  /** Two-factor authentication (TOTP): the roles that must use it. */
  twoFactor: { requiredRoles: string[]; issuer: string };
  /** Development outbox: admins of the outbox see verification codes. For demo use only; refused in production. */
  devOutbox: boolean;
  /** Limits for uploaded spreadsheets, checked before and while they are read. */
  spreadsheet: { maxUncompressedBytes: number; maxEntries: number; maxCells: number };
  /** When a session's check-in QR is accepted: from minutesBefore its start to minutesAfter its end. */
  checkinWindow: { minutesBefore: number; minutesAfter: number };
  /** 客服: shown on the login page and in the teacher's space (public). Empty phone and QQ: the page says whom to ask instead. */
  support: { phone: string; qq: string; hours: string };
  /** The deployment's time zone (IANA name): the web app shows every time in it (server-side calendar days are still China's). */
  timeZone: string;
  /** 我的订单: how long an unpaid order holds its place; the sandbox gateway (demo and tests) and its signing
   *  secret (empty: derived from the deployment's keys). Refused in production. */
  payments: { orderTimeoutMinutes: number; sandbox: boolean; sandboxSecret: string };
}

export const defaults: Config = {
  port: 3000,
  host: '0.0.0.0',
  dataDir: 'data',
  uploadDir: '',
  provinceCode: '45',
  platformTitle: '',
  demoData: true,
  passwordPolicy: DEFAULT_PASSWORD_POLICY,
  lockout: { maxFailures: 5, windowMinutes: 15, lockMinutes: 30 },
  session: { teacherIdleMinutes: 30, adminIdleMinutes: 15, absoluteHours: 12, secureCookie: false },
  rateLimit: { loginPerMinutePerIp: 60, codesPerHourPerTarget: 5 },
  verificationCodeMinutes: 10,
  uploadMaxBytes: 2 * 1024 * 1024,
  creditPolicy: 'guangxi',
  pdfFont: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  publicUrl: '',
  keyFile: '',
  auditCheckpointDir: '',
  twoFactor: { requiredRoles: ['province_admin', 'city_admin', 'sys_admin', 'security_admin', 'audit_admin'], issuer: '师训' },
  devOutbox: false,
  spreadsheet: { maxUncompressedBytes: 64 * 1024 * 1024, maxEntries: 200, maxCells: 2_000_000 },
  checkinWindow: { minutesBefore: 30, minutesAfter: 0 },
  support: { phone: '', qq: '', hours: '工作日 8:30–12:00，14:30–17:30' },
  timeZone: 'Asia/Shanghai',
  payments: { orderTimeoutMinutes: 30, sandbox: true, sandboxSecret: '' },
};

type Env = Record<string, string | undefined>;

export function loadConfig(env: Env = process.env, overrides: Partial<Config> = {}): Config {
  const file = env.SHIXUN_CONFIG ?? 'shixun.config.json';
  let fromFile: Partial<Config> = {};
  if (existsSync(file)) {
    try {
      fromFile = JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      throw new Error(`配置文件 ${file} 不是有效的 JSON：${(e as Error).message}`);
    }
  }
  const c: Config = deepMerge(deepMerge(structuredClone(defaults), fromFile), overrides);
  if (env.PORT) c.port = Number(env.PORT);
  if (env.HOST) c.host = env.HOST;
  if (env.DATA_DIR) c.dataDir = env.DATA_DIR;
  if (env.DATABASE_URL) c.databaseUrl = env.DATABASE_URL;
  if (env.UPLOAD_DIR) c.uploadDir = env.UPLOAD_DIR;
  if (env.PDF_FONT) c.pdfFont = env.PDF_FONT;
  if (env.PROVINCE_CODE) c.provinceCode = env.PROVINCE_CODE;
  if (env.PLATFORM_TITLE) c.platformTitle = env.PLATFORM_TITLE;
  if (env.DEMO_DATA) c.demoData = !['0', 'false', 'no'].includes(env.DEMO_DATA.toLowerCase());
  if (env.SECURE_COOKIE) c.session.secureCookie = env.SECURE_COOKIE === 'true';
  if (env.PUBLIC_URL) c.publicUrl = env.PUBLIC_URL;
  if (env.KEY_FILE) c.keyFile = env.KEY_FILE;
  if (env.AUDIT_CHECKPOINT_DIR) c.auditCheckpointDir = env.AUDIT_CHECKPOINT_DIR;
  if (env.DEV_OUTBOX) c.devOutbox = env.DEV_OUTBOX === 'true';
  if (env.SUPPORT_PHONE !== undefined) c.support.phone = env.SUPPORT_PHONE;
  if (env.SUPPORT_QQ !== undefined) c.support.qq = env.SUPPORT_QQ;
  if (env.SUPPORT_HOURS !== undefined) c.support.hours = env.SUPPORT_HOURS;
  if (env.TIME_ZONE) c.timeZone = env.TIME_ZONE;
  if (env.TWO_FACTOR_ROLES !== undefined)
    c.twoFactor.requiredRoles = env.TWO_FACTOR_ROLES.split(',')
      .map((r) => r.trim())
      .filter(Boolean);
  const production = env.NODE_ENV === 'production';
  if (!c.uploadDir) c.uploadDir = path.join(c.dataDir, 'uploads');
  const inMemory = c.dataDir.startsWith('memory://');
  if (!c.keyFile && !inMemory) c.keyFile = path.join(path.dirname(path.resolve(c.dataDir)), 'shixun.keys.json');
  if (!c.auditCheckpointDir && !inMemory) c.auditCheckpointDir = path.join(c.dataDir, 'audit-checkpoints');
  if (production && !c.publicUrl) throw new Error('生产环境必须设置 PUBLIC_URL（平台对外地址，如 https://px.example.gov.cn）');
  if (env.PAYMENT_SANDBOX) c.payments.sandbox = env.PAYMENT_SANDBOX === 'true';
  if (env.ORDER_TIMEOUT_MINUTES) c.payments.orderTimeoutMinutes = Number(env.ORDER_TIMEOUT_MINUTES);
  if (production && c.payments.sandbox && !env.PAYMENT_SANDBOX) c.payments.sandbox = false; // a production deployment takes real money only: the sandbox only when asked for by name
  if (production && c.devOutbox) throw new Error('生产环境不得开启 DEV_OUTBOX（开发用发件箱会显示验证码）');
  validated(c, file);
  c.publicUrl = normalizePublicUrl(c.publicUrl || `http://localhost:${c.port}`);
  return c;
}

const int = (min: number, max: number) =>
  z.number({ error: '应为数字' }).int('应为整数').min(min, `不能小于 ${min}`).max(max, `不能大于 ${max}`);
/** Every setting with its allowed values: a typo in the file or a bad environment value stops the start with a clear message. */
const ConfigSchema = z.strictObject({
  port: int(1, 65535),
  host: z.string().min(1),
  dataDir: z.string().min(1),
  databaseUrl: z
    .string()
    .regex(/^postgres(ql)?:\/\//, '应以 postgres:// 开头')
    .optional(),
  uploadDir: z.string().min(1),
  provinceCode: z.string().regex(/^\d{2}$/, '应为两位省级区划代码'),
  platformTitle: z.string().max(100),
  demoData: z.boolean(),
  passwordPolicy: z.strictObject({ minLength: int(6, 128), minClasses: int(1, 4), historyCount: int(0, 24).optional() }),
  lockout: z.strictObject({ maxFailures: int(1, 100), windowMinutes: int(1, 1440), lockMinutes: int(1, 1440) }),
  session: z.strictObject({
    teacherIdleMinutes: int(1, 1440),
    adminIdleMinutes: int(1, 1440),
    absoluteHours: int(1, 168),
    secureCookie: z.boolean(),
  }),
  rateLimit: z.strictObject({ loginPerMinutePerIp: int(1, 1_000_000), codesPerHourPerTarget: int(1, 1_000_000) }),
  verificationCodeMinutes: int(1, 60),
  uploadMaxBytes: int(1024, 100 * 1024 * 1024),
  creditPolicy: z.string().min(1),
  pdfFont: z.string(),
  publicUrl: z.string(),
  keyFile: z.string(),
  auditCheckpointDir: z.string(),
  twoFactor: z.strictObject({
    requiredRoles: z.array(z.enum(ROLES as unknown as [string, ...string[]], { error: '不是已知的角色' })),
    issuer: z.string().min(1).max(40),
  }),
  devOutbox: z.boolean(),
  checkinWindow: z.strictObject({ minutesBefore: int(0, 24 * 60), minutesAfter: int(0, 24 * 60) }),
  spreadsheet: z.strictObject({
    maxUncompressedBytes: int(1024 * 1024, 2 ** 31 - 1),
    maxEntries: int(10, 100_000),
    maxCells: int(1000, 100_000_000),
  }),
  support: z.strictObject({
    phone: z.string().max(40, '客服电话不能超过 40 个字符'),
    qq: z.string().regex(/^\d{0,15}$/, '客服 QQ 应为数字'),
    hours: z.string().max(60, '服务时间不能超过 60 个字'),
  }),
  payments: z.strictObject({
    orderTimeoutMinutes: int(1, 7 * 24 * 60),
    sandbox: z.boolean(),
    sandboxSecret: z.string().max(200),
  }),
  timeZone: z.string().refine(isTimeZone, '不是有效的时区名（如 Asia/Shanghai）'),
});

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

function validated(c: Config, file: string): Config {
  const r = ConfigSchema.safeParse(c);
  if (r.success) return c;
  const lines = r.error.issues.map((i) =>
    i.code === 'unrecognized_keys'
      ? `未知的配置项 ${i.keys.map((k) => [...i.path, k].join('.')).join('、')}`
      : `${i.path.join('.')}：${i.message}`,
  );
  throw new Error(`配置有误（${file} 与环境变量）：\n  ${lines.join('\n  ')}`);
}

/** The public address without a trailing slash; only http(s), no query or fragment. */
export function normalizePublicUrl(raw: string): string {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new Error(`PUBLIC_URL 不是有效的网址："${raw}"`);
  }
  if (!['http:', 'https:'].includes(u.protocol) || u.username || u.password || u.search || u.hash)
    throw new Error(`PUBLIC_URL 只能是 http(s)://主机[:端口][/路径]，收到 "${raw}"`);
  return `${u.origin}${u.pathname.replace(/\/+$/, '')}`;
}

function deepMerge<T>(base: T, extra: Partial<T>): T {
  for (const [k, v] of Object.entries(extra ?? {})) {
    const cur = (base as Record<string, unknown>)[k];
    (base as Record<string, unknown>)[k] =
      v && typeof v === 'object' && !Array.isArray(v) && cur && typeof cur === 'object' ? deepMerge(cur, v as object) : v;
  }
  return base;
}
