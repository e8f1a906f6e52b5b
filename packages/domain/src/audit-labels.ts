// How the audit log reads in Chinese: every action the server writes and every kind of object it names.
// One table for the server (list, export) and the web app (the filter's list), so the two cannot drift.
// apps/server/test/audit-labels.test.ts fails when the server writes an action that has no label here.

export interface AuditActionGroup {
  group: string;
  actions: Record<string, string>;
}

/** The actions, grouped as the filter shows them. */
export const AUDIT_ACTION_GROUPS: readonly AuditActionGroup[] = [
  {
    group: '登录与账号',
    actions: {
      'auth.login': '登录',
      'auth.logout': '退出登录',
      'auth.register': '注册账号',
      'auth.forgot.code': '找回密码·发送验证码',
      'auth.forgot.reset': '找回密码·重置密码',
      'auth.password.change': '修改密码',
      'auth.totp.enable': '开启两步验证',
      'auth.totp.disable': '关闭两步验证',
      'auth.totp.recovery_used': '使用两步验证恢复码',
      'account.phone.code': '修改手机号·发送验证码',
      'account.phone.change': '修改手机号',
      'account.email.code': '修改邮箱·发送验证码',
      'account.email.change': '修改邮箱',
    },
  },
  {
    group: '教师与资料',
    actions: {
      'registration.approve': '注册审核通过',
      'registration.reject': '注册审核未通过',
      'profile.update': '修改个人资料',
      'profile.photo.cert': '上传证件照',
      'profile.photo.avatar': '上传头像',
      'profileChange.create': '提交信息变更申请',
      'profileChange.approve': '信息变更审核通过',
      'profileChange.reject': '信息变更审核未通过',
      'teacher.reveal': '查看完整证件号',
      'teacher.keyFields.update': '修改关键字段',
      'teacher.password.reset': '重置教师密码',
      'teacher.disable': '停用教师账号',
      'teacher.enable': '启用教师账号',
      'teacher.registration': '登记定期注册',
    },
  },
  {
    group: '培训项目',
    actions: {
      'project.create': '新建项目',
      'project.update': '修改项目',
      'project.publish': '发布项目',
      'project.close': '关闭项目',
      'project.quota.grant': '分配名额',
      'project.select': '遴选学员',
      'project.assign': '指派学员',
      'project.trainees.export': '导出学员名单',
      'project.evaluation.submit': '提交培训评价',
      'enrollment.apply': '报名',
      'enrollment.approve': '报名审核通过',
      'enrollment.return': '报名退回',
      'enrollment.withdraw': '撤回报名',
    },
  },
  {
    group: '自主选学',
    actions: {
      'elective.create': '新建自主选学项目',
      'elective.update': '修改自主选学项目',
      'elective.submit': '提交自主选学项目审核',
      'elective.approve': '自主选学项目审核通过（上架）',
      'elective.return': '自主选学项目退回',
      'elective.enrol': '自主选学报名',
      'elective.cancel': '取消自主选学报名',
    },
  },
  {
    group: '订单与支付',
    actions: {
      'order.create': '生成订单',
      'order.paid': '订单支付成功',
      'order.cancel': '取消订单',
      'order.close': '订单超时关闭',
      'order.refund.request': '申请退款',
      'order.refunded': '退款完成',
      'order.refund.failed': '退款失败',
      'order.invoice': '申请发票',
      'order.notify.rejected': '拒绝支付通知（签名或金额不符）',
      'order.notify.unmatched': '支付通知与订单状态不符（待财务处理）',
    },
  },
  {
    group: '培训班',
    actions: {
      'class.notice.save': '保存开班通知',
      'class.notice.publish': '发布开班通知',
      'class.notice.file.add': '上传通知附件',
      'class.notice.file.delete': '删除通知附件',
      'class.session.create': '新增课次',
      'class.session.update': '修改课次',
      'class.session.delete': '删除课次',
      'class.checkin': '扫码签到',
      'class.checkin.mark': '补签到',
      'class.checkin.unmark': '取消签到',
      'class.scores.save': '登记成绩',
    },
  },
  {
    group: '学分与证书',
    actions: {
      'credit.post': '登记学分',
      'credit.post.bulk': '批量登记学分',
      'credit.reverse': '冲销学分',
      'credit.adjust': '调整学分',
      'credit.schoolBased.import': '导入校本研修学分',
      'credit.policy.publish': '发布学分政策',
      'credit.standings.recompute': '重算学分达标',
      'credit.report.export': '导出学分达标统计',
      'creditClaim.submit': '提交学分申报',
      'creditClaim.withdraw': '撤回学分申报',
      'creditClaim.resubmit': '重新申报学分',
      'creditClaim.approve': '学分申报审核通过',
      'creditClaim.reject': '学分申报审核未通过',
      'certificate.issue': '颁发证书',
      'certificate.revoke': '撤销证书',
      'creditBank.export': '导出学分银行',
      'credential.download': '下载可验证学习记录',
      'credential.key.rotate': '轮换凭证签名密钥',
    },
  },
  {
    group: '平台管理',
    actions: {
      'adminAccount.create': '新建管理员账号',
      'adminAccount.password.reset': '重置管理员密码',
      'adminAccount.disable': '停用管理员账号',
      'adminAccount.enable': '启用管理员账号',
      'adminAccount.request': '提交平台账号申请',
      'adminAccount.request.approve': '平台账号申请通过',
      'adminAccount.request.reject': '平台账号申请驳回',
      'security.unlock': '解锁账号',
      'audit.verify': '校验审计日志链',
      'audit.export': '导出审计日志',
      'access.denied': '访问被拒绝',
    },
  },
];

/** action code → Chinese label */
export const AUDIT_ACTION_LABELS: Readonly<Record<string, string>> = Object.assign({}, ...AUDIT_ACTION_GROUPS.map((g) => g.actions));

const STAGE_NAMES: Record<string, string> = { school: '学校', county: '区县', city: '市级', province: '省级' };

/** The Chinese label of an action; a review names its level («区县审核通过»). An unknown code reads as itself. */
export function auditActionLabel(action: string, detail?: Record<string, unknown> | null): string {
  const stage = typeof detail?.stage === 'string' ? STAGE_NAMES[detail.stage] : undefined;
  if (stage && action === 'enrollment.approve') return `${stage}审核通过`;
  if (stage && action === 'enrollment.return') return `${stage}审核退回`;
  return AUDIT_ACTION_LABELS[action] ?? action;
}

/** What the object of an entry is, in Chinese. */
export const AUDIT_OBJECT_LABELS: Readonly<Record<string, string>> = {
  user: '账号',
  teacher: '教师',
  enrollment: '报名',
  project: '项目',
  elective: '自主选学项目',
  order: '订单',
  training_class: '培训班',
  class_session: '课次',
  certificate: '证书',
  creditClaim: '学分申报',
  credit_entry: '学分明细',
  credit_policy: '学分政策',
  region: '区域',
  school: '学校',
  profileChange: '信息变更申请',
  adminAccountRequest: '平台账号申请',
  route: '接口',
};

/** Objects that belong to a person: named «李秀英 的报名 #15»; the others «项目 #3（2025 年骨干教师培训）». */
const OWNED = new Set(['enrollment', 'certificate', 'creditClaim', 'credit_entry', 'profileChange', 'order']);

export interface AuditObject {
  objectType: string | null;
  objectId: string | null;
  /** the owner's name (a teacher's row) or the object's own name, when the server could look it up */
  objectName?: string | null;
}

/** «李秀英 的报名 #15», «账号 #42（李秀英）», «项目 #3（骨干教师培训）»; '—' when the entry names no object. */
export function auditObjectLabel(o: AuditObject): string {
  if (!o.objectType) return '—';
  const kind = AUDIT_OBJECT_LABELS[o.objectType] ?? o.objectType;
  const id = o.objectId !== null && o.objectId !== '' ? ` #${o.objectId}` : '';
  if (!o.objectName) return `${kind}${id}`;
  if (OWNED.has(o.objectType)) return `${o.objectName} 的${kind}${id}`;
  if (o.objectType === 'user' || o.objectType === 'teacher') return `${o.objectName}（${kind}${id}）`;
  return `${kind}${id}（${o.objectName}）`;
}

/** One line for an entry: «李秀英 的报名 #15 — 区县审核通过». */
export function auditSummary(e: AuditObject & { action: string; detail?: Record<string, unknown> | null }): string {
  const action = auditActionLabel(e.action, e.detail);
  return e.objectType ? `${auditObjectLabel(e)} — ${action}` : action;
}
