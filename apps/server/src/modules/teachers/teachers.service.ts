import { randomBytes } from 'node:crypto';
import { KEY_FIELDS, maskIdNumber, maskPhone } from '@shixun/domain';
import { can, requirePermission, teacherScope } from '../../access/policy.ts';
import type { Deps, Executor } from '../../context.ts';
import type { ActorCtx } from '../../http/contract.ts';
import { invalid, notFound } from '../../http/errors.ts';
import { recordAudit, recordAuditNow } from '../audit/audit.service.ts';
import { clearLockouts } from '../auth/lockout.ts';
import { hashPassword } from '../auth/passwords.ts';
import { revokeSessions } from '../auth/sessions.ts';
import { photoFile, type PhotoKind } from './photos.ts';
import { parsePatch } from './profile.mapper.ts';
import { toProfile } from './profile.view.ts';
import { applyProfilePatch } from './profile.write.ts';
import * as repo from './teachers.repository.ts';

export async function searchTeachers(deps: Deps, ctx: ActorCtx, f: repo.TeacherFilter) {
  requirePermission(ctx.actor, 'teacher.read');
  const { rows, total } = await repo.listTeachers(deps.db, teacherScope(ctx.actor), f);
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

async function teacherOr404(deps: Deps, ctx: ActorCtx, id: number) {
  const row = await repo.findTeacher(deps.db, teacherScope(ctx.actor), id);
  if (!row) throw notFound('教师');
  return row;
}

export async function getTeacher(deps: Deps, ctx: ActorCtx, id: number) {
  const { actor } = ctx;
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

/** A teacher's photo in the actor's scope (the teacher's own with the `{}` scope of profile routes), or 404. */
export async function teacherPhoto(deps: Deps, scope: repo.TeacherScope, id: number, kind: PhotoKind) {
  const row = await repo.findTeacher(deps.db, scope, id);
  const file = row && photoFile(deps, kind === 'cert' ? row.cert_photo : row.avatar);
  if (!file) throw notFound('照片');
  return file;
}

/** Full ID and phone numbers: only for the roles that need them, and each read is recorded. */
export async function revealTeacher(deps: Deps, ctx: ActorCtx, id: number) {
  requirePermission(ctx.actor, 'teacher.reveal');
  const row = await teacherOr404(deps, ctx, id);
  await recordAuditNow(deps.db, ctx, {
    action: 'teacher.reveal',
    objectType: 'teacher',
    objectId: id,
    detail: { fields: ['idNumber', 'phone'] },
  });
  return { idNumber: row.id_number, phone: row.phone };
}

export async function editKeyFields(deps: Deps, ctx: ActorCtx, id: number, body: unknown) {
  const { actor } = ctx;
  requirePermission(actor, 'teacher.editKeyFields');
  const parsed = parsePatch(KEY_FIELDS, body);
  if (!parsed.ok) throw invalid(parsed.message, parsed.fields);
  const before = await teacherOr404(deps, ctx, id);
  const patch = parsed.data;
  if (!Object.keys(patch).length) throw invalid('没有要修改的字段');
  await deps.db.transaction().execute(async (trx) => {
    if ('schoolId' in patch) {
      // a move to a school outside the admin's own scope is a transfer (异动): until that flow exists, the admin above both does it
      const target = await repo.schoolById(trx, Number(patch.schoolId));
      if (!target || !target.region_code.startsWith(actor.scope.regionCode ?? '\u0000'))
        throw invalid('只能调整到本管辖范围内的学校；跨区县调动暂不能在此办理：请联系共同的上级（市级或省级）教育局管理员修改单位', {
          schoolId: '不在管辖范围内',
        });
    }
    await applyProfilePatch(trx, id, patch, deps.config.provinceCode);
    await recordAudit(trx, ctx, {
      action: 'teacher.keyFields.update',
      objectType: 'teacher',
      objectId: id,
      detail: { fields: Object.keys(patch), schoolFrom: before.school_id },
    });
  });
  return { profile: toProfile((await repo.findTeacher(deps.db, teacherScope(actor), id))!, true) };
}

/** A random temporary password, shown once to the admin; the teacher must change it at next login. */
export async function resetTeacherPassword(deps: Deps, ctx: ActorCtx, id: number) {
  requirePermission(ctx.actor, 'teacher.resetPassword');
  await teacherOr404(deps, ctx, id);
  const temporaryPassword = `Sx${randomBytes(6).toString('base64url')}#${Math.floor(Math.random() * 90 + 10)}`;
  const hash = await hashPassword(temporaryPassword);
  await deps.db.transaction().execute(async (trx) => {
    await repo.setTemporaryPassword(trx, id, hash);
    await revokeSessions(trx, id);
    await clearLockouts(trx, id);
    await recordAudit(trx, ctx, { action: 'teacher.password.reset', objectType: 'teacher', objectId: id });
  });
  return { temporaryPassword };
}

/** 停用 / 启用: a disabled account's sessions end at once and it cannot log in. */
export async function setTeacherStatus(deps: Deps, ctx: ActorCtx, id: number, status: 'active' | 'disabled') {
  requirePermission(ctx.actor, 'teacher.setStatus');
  const row = await teacherOr404(deps, ctx, id);
  if (row.account_status === 'pending' || row.account_status === 'rejected') throw invalid('该账号尚未通过注册审核，请在注册审核中处理');
  await deps.db.transaction().execute(async (trx) => {
    await repo.setAccountStatus(trx, id, status);
    if (status === 'disabled') await revokeSessions(trx, id);
    await recordAudit(trx, ctx, {
      action: status === 'disabled' ? 'teacher.disable' : 'teacher.enable',
      objectType: 'teacher',
      objectId: id,
    });
  });
  return { ok: true as const, status };
}

// --- for the teacher's own space (profile module): the id comes from the session, never from the request ---

/** The teacher's own record, or 404. */
export async function ownTeacher(deps: Deps, userId: number) {
  const row = await repo.findTeacher(deps.db, {}, userId);
  if (!row) throw notFound('教师档案');
  return row;
}

/** A school of this province (a teacher may only belong to one), or undefined. */
export async function schoolInProvince(deps: Deps, id: number) {
  const s = await repo.schoolById(deps.db, id);
  return s && s.region_code.startsWith(deps.config.provinceCode) ? s : undefined;
}

/** Points the teacher's certificate photo or avatar at a stored file (photos.ts storePhoto). */
export function setTeacherPhoto(trx: Executor, teacherId: number, kind: PhotoKind, name: string) {
  return repo.setPhoto(trx, teacherId, kind, name);
}
