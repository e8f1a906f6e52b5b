// The API reference at /api/docs (Scalar) over the OpenAPI document the route contracts generate: in
// Chinese where the UI allows it, and with nothing that reaches the internet — no AI agent, no MCP
// generator, no «Deploy» developer tools, no telemetry, no web fonts, no proxy; the platform may run on a
// network without outside access, and the reference must not send the document anywhere.
import swagger from '@fastify/swagger';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import type { App } from './types.ts';

/** The contracts' tags (packages/contracts) in Chinese, in the order the reference lists them. */
export const TAG_NAMES: Record<string, string> = {
  platform: '平台',
  auth: '登录与认证',
  account: '账号设置',
  home: '主页与工作台',
  regions: '行政区划与学校',
  profile: '个人信息',
  'profile-changes': '信息变更审核',
  teachers: '教师管理',
  registrations: '注册审核',
  projects: '培训项目',
  enrollments: '报名与审核',
  electives: '自主选学',
  orders: '订单与支付',
  'credit-bank': '学分银行',
  credentials: '可验证学习记录',
  classes: '培训班',
  credits: '学分',
  'credit-claims': '学分申报',
  'credit-policies': '学分政策',
  'credit-reports': '学分统计',
  certificates: '证书',
  'admin-accounts': '管理员账号',
  security: '安全管理',
  audit: '审计日志',
};

export const DOCS_TITLE = '师训平台 API 参考';

export const OPENAPI_INFO = {
  title: DOCS_TITLE,
  version: '0.1.0',
  description: [
    '中小学教师培训管理信息系统（师训）的接口说明，由各接口的契约（packages/contracts）生成，与服务端的校验一致。',
    '',
    '- 认证：登录后服务端下发 HttpOnly 会话 Cookie；修改类请求须在请求头 `x-csrf-token` 中带上 Cookie `sx_csrf` 的值。',
    '- 错误：非 2xx 的应答统一为 `{ code, message, fields? }`，`message` 为可直接展示的中文说明，`code` 为稳定的错误代码。',
    '- 权限：每个接口声明所需的角色或权限；管理员只能看到本辖区的数据，辖区外的对象按「不存在」（404）处理。',
  ].join('\n'),
};

/** Scalar's settings: Chinese UI, everything that needs the internet switched off. */
export const SCALAR_CONFIGURATION = {
  title: DOCS_TITLE,
  localization: { locale: 'zh-CN' },
  withDefaultFonts: false,
  telemetry: false,
  agent: { disabled: true },
  mcp: { disabled: true },
  showDeveloperTools: 'never',
  showToolbar: 'never',
  hideClientButton: true,
  documentDownloadType: 'json',
  operationTitleSource: 'summary',
  defaultOpenFirstTag: true,
} as const;

export async function registerOpenApi(app: App) {
  await app.register(swagger, {
    openapi: {
      info: OPENAPI_INFO,
      tags: Object.entries(TAG_NAMES).map(([name, displayName]) => ({ name, description: displayName, 'x-displayName': displayName })),
    },
    transform: jsonSchemaTransform,
  });
}

/** markPublic: the app's way of letting a third-party plugin's routes through the auth hook. */
export async function registerDocs(app: App, markPublic: (ctx: App) => void) {
  const { default: scalar } = await import('@scalar/fastify-api-reference');
  await app.register(async (docs) => {
    markPublic(docs);
    await docs.register(scalar, { routePrefix: '/api/docs', configuration: SCALAR_CONFIGURATION });
  });
  // the reference UI boots from an inline script: allowed on its own pages only; connect-src 'self' keeps it offline
  app.addHook('onSend', async (req, reply) => {
    if (req.url.startsWith('/api/docs'))
      reply.header(
        'content-security-policy',
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'",
      );
  });
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());
}
