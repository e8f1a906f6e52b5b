// One place for deployment settings: shixun.config.json (or SHIXUN_CONFIG=path) overlaid by environment variables.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_PASSWORD_POLICY, type PasswordPolicy } from '@shixun/domain';

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
};

type Env = Record<string, string | undefined>;

export function loadConfig(env: Env = process.env, overrides: Partial<Config> = {}): Config {
  const file = env.SHIXUN_CONFIG ?? 'shixun.config.json';
  const fromFile: Partial<Config> = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
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
  if (!c.uploadDir) c.uploadDir = path.join(c.dataDir, 'uploads');
  if (!/^\d{2}$/.test(c.provinceCode)) throw new Error(`PROVINCE_CODE 应为两位省级区划代码，收到 "${c.provinceCode}"`);
  return c;
}

function deepMerge<T>(base: T, extra: Partial<T>): T {
  for (const [k, v] of Object.entries(extra ?? {})) {
    const cur = (base as Record<string, unknown>)[k];
    (base as Record<string, unknown>)[k] =
      v && typeof v === 'object' && !Array.isArray(v) && cur && typeof cur === 'object' ? deepMerge(cur, v as object) : v;
  }
  return base;
}
