import { randomBytes } from 'node:crypto';
import { KEY_FIELDS, maskIdNumber, maskPhone } from '@shixun/domain';
import { can, requirePermission, teacherScope } from '../../access/policy.ts';
import type { Deps, RequestCtx } from '../../context.ts';
import { invalid, notFound } from '../../http/errors.ts';
import { recordAudit, recordAuditNow } from '../audit/audit.service.ts';
import { hashPassword } from '../auth/passwords.ts';
import { revokeSessions } from '../auth/sessions.ts';
import { parsePatch } from './profile.mapper.ts';
import { toProfile } from './profile.view.ts';
import { applyProfilePatch } from './profile.write.ts';
import { findTeacher, listTeachers, type TeacherFilter } from './teachers.repository.ts';
import { clearLockouts } from '../auth/lockout.ts';

export async function searchTeachers(deps: Deps, ctx: RequestCtx, f: TeacherFilter) {
  const actor = ctx.actor!;
  requirePermission(actor, 'teacher.read');
  const { rows, total } = await listTeachers(deps.db, teacherScope(actor), f);
  return {
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      gender: r.gender,
      idNumber: maskIdNumber(r.id_number),
      phone: maskPhone(r.phone),
      schoolName: r.school_name,
      countyName: r.county_name,
      stage: r.stage,
      subject: r.subject,
      personnelStatus: r.personnel_status,
      accountStatus: r.account_status,
    })),
    total,
    page: f.page,
    pageSize: f.pageSize,
  };
}

async function teacherOr404(deps: Deps, ctx: RequestCtx, id: number) {
  const row = await findTeacher(deps.db, teacherScope(ctx.actor!), id);
  if (!row) throw notFound('教师');
  return row;
}

export async function getTeacher(deps: Deps, ctx: RequestCtx, id: number) {
  const actor = ctx.actor!;
  requirePermission(actor, 'teacher.read');
  const row = await teacherOr404(deps, ctx, id);
  return {
    profile: toProfile(row, true),
    accountStatus: row.account_status,
    photos: { cert: !!row.cert_photo, avatar: !!row.avatar },
    abilities: {
      editKeyFields: can(actor, 'teacher.editKeyFields'),
      revealSensitive: can(actor, 'teacher.reveal'),
      resetPassword: can(actor, 'teacher.resetPassword'),
      setStatus: can(actor, 'teacher.setStatus'),
    },
  };
}

/** Full ID and phone numbers: only for the roles that need them, and each read is recorded. */
export async function revealTeacher(deps: Deps, ctx: RequestCtx, id: number) {
  requirePermission(ctx.actor!, 'teacher.reveal');
  const row = await teacherOr404(deps, ctx, id);
  await recordAuditNow(deps.db, ctx, {
    action: 'teacher.reveal',
    objectType: 'teacher',
    objectId: id,
    detail: { fields: ['idNumber', 'phone'] },
  });
  return { idNumber: row.id_number, phone: row.phone };
}

export async function editKeyFields(deps: Deps, ctx: RequestCtx, id: number, body: unknown) {
  const actor = ctx.actor!;
  requirePermission(actor, 'teacher.editKeyFields');
  const parsed = parsePatch(KEY_FIELDS, body);
  if (!parsed.ok) throw invalid(parsed.message, parsed.fields);
  const before = await teacherOr404(deps, ctx, id);
  const patch = parsed.data;
  if (!Object.keys(patch).length) throw invalid('没有要修改的字段');
  await deps.db.transaction().execute(async (trx) => {
    if ('schoolId' in patch) {
      // a move to a school outside the admin's own scope is a transfer (异动), approved by both counties
      const target = await trx.selectFrom('schools').select('region_code').where('id', '=', Number(patch.schoolId)).executeTakeFirst();
      if (!target || !target.region_code.startsWith(actor.scope.regionCode ?? '\u0000'))
        throw invalid('只能调整到本管辖范围内的学校；跨区县调动请走异动流程', { schoolId: '不在管辖范围内' });
    }
    await applyProfilePatch(trx, id, patch, deps.config.provinceCode);
    await recordAudit(trx, ctx, {
      action: 'teacher.keyFields.update',
      objectType: 'teacher',
      objectId: id,
      detail: { fields: Object.keys(patch), schoolFrom: before.school_id },
    });
  });
  return { profile: toProfile((await findTeacher(deps.db, teacherScope(actor), id))!, true) };
}

/** A random temporary password, shown once to the admin; the teacher must change it at next login. */
export async function resetTeacherPassword(deps: Deps, ctx: RequestCtx, id: number) {
  requirePermission(ctx.actor!, 'teacher.resetPassword');
  await teacherOr404(deps, ctx, id);
  const temporaryPassword = `Sx${randomBytes(6).toString('base64url')}#${Math.floor(Math.random() * 90 + 10)}`;
  const hash = await hashPassword(temporaryPassword);
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('users')
      .set({ password_hash: hash, must_change_password: true, locked_until: null, failed_logins: 0, first_failed_at: null })
      .where('id', '=', id)
      .execute();
    await revokeSessions(trx, id);
    await clearLockouts(trx, id);
    await recordAudit(trx, ctx, { action: 'teacher.password.reset', objectType: 'teacher', objectId: id });
  });
  return { temporaryPassword };
}

/** 停用 / 启用: a disabled account's sessions end at once and it cannot log in. */
export async function setTeacherStatus(deps: Deps, ctx: RequestCtx, id: number, status: 'active' | 'disabled') {
  requirePermission(ctx.actor!, 'teacher.setStatus');
  const row = await teacherOr404(deps, ctx, id);
  if (row.account_status === 'pending' || row.account_status === 'rejected') throw invalid('该账号尚未通过注册审核，请在注册审核中处理');
  await deps.db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ status }).where('id', '=', id).execute();
    if (status === 'disabled') await revokeSessions(trx, id);
    await recordAudit(trx, ctx, {
      action: status === 'disabled' ? 'teacher.disable' : 'teacher.enable',
      objectType: 'teacher',
      objectId: id,
    });
  });
  return { ok: true as const, status };
}
