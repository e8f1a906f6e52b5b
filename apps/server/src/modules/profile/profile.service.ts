import { KEY_FIELDS, ORDINARY_FIELDS, fieldLabel } from '@shixun/domain';
import type { Deps } from '../../context.ts';
import type { ActorCtx } from '../../http/contract.ts';
import { conflict, invalid } from '../../http/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { storePhoto, type PhotoKind } from '../teachers/photos.ts';
import { assertProfileDates, parsePatch } from '../teachers/profile.mapper.ts';
import { toProfile } from '../teachers/profile.view.ts';
import { applyProfilePatch } from '../teachers/profile.write.ts';
import { ownTeacher, schoolInProvince, setTeacherPhoto } from '../teachers/teachers.service.ts';
import { hasPendingChange, insertChange, listChanges } from './profile-changes.repository.ts';

export async function getOwnProfile(deps: Deps, ctx: ActorCtx) {
  const row = await ownTeacher(deps, ctx.actor.userId);
  const pending = await hasPendingChange(deps.db, row.id);
  return { profile: toProfile(row, false), photos: { cert: !!row.cert_photo, avatar: !!row.avatar }, pendingChange: pending };
}

export async function updateOwnProfile(deps: Deps, ctx: ActorCtx, body: Record<string, unknown>) {
  const keyTried = Object.keys(body).filter((k) => KEY_FIELDS.includes(k));
  if (keyTried.length)
    throw invalid(`「${fieldLabel(keyTried[0]!)}」是关键字段，请提交信息变更申请，由区县管理员审核`, { [keyTried[0]!]: '关键字段' });
  const parsed = parsePatch(ORDINARY_FIELDS, body);
  if (!parsed.ok) throw invalid(parsed.message, parsed.fields);
  const userId = ctx.actor.userId;
  await deps.db.transaction().execute(async (trx) => {
    await applyProfilePatch(trx, userId, parsed.data, deps.config.provinceCode);
    await recordAudit(trx, ctx, {
      action: 'profile.update',
      objectType: 'teacher',
      objectId: userId,
      detail: { fields: Object.keys(parsed.data) },
    });
  });
  return { profile: toProfile(await ownTeacher(deps, userId), false) };
}

export async function requestKeyChange(deps: Deps, ctx: ActorCtx, input: { changes: Record<string, unknown>; reason: string }) {
  const parsed = parsePatch(KEY_FIELDS, input.changes);
  if (!parsed.ok) throw invalid(parsed.message, parsed.fields);
  const row = await ownTeacher(deps, ctx.actor.userId);
  const current = toProfile(row, false) as Record<string, unknown>;
  const diff: Record<string, { from: unknown; to: unknown }> = {};
  for (const [k, to] of Object.entries(parsed.data)) if (current[k] !== to) diff[k] = { from: current[k] ?? null, to };
  if (!Object.keys(diff).length) throw invalid('申请的内容与当前信息相同');
  assertProfileDates({ birthDate: row.birth_date, workStartDate: row.work_start_date, hireDate: row.hire_date }, parsed.data);
  if (diff.schoolId) {
    const s = await schoolInProvince(deps, Number(diff.schoolId.to));
    if (!s) throw invalid('所选单位不存在');
    diff.schoolId = { from: row.school_name, to: diff.schoolId.to, toName: s.name } as never;
  }
  try {
    const id = await deps.db.transaction().execute(async (trx) => {
      const id = await insertChange(trx, { teacherId: row.id, changes: diff, reason: input.reason });
      await recordAudit(trx, ctx, {
        action: 'profileChange.create',
        objectType: 'profileChange',
        objectId: id,
        detail: { fields: Object.keys(diff) },
      });
      return id;
    });
    return { change: (await listChanges(deps.db, { id }, { page: 1, pageSize: 1 })).items[0]! };
  } catch (e) {
    if ((e as { code?: string }).code === '23505') throw conflict('您已有一条待审核的信息变更申请，请等待审核结果后再提交');
    throw e;
  }
}

export async function ownChanges(deps: Deps, ctx: ActorCtx) {
  return { items: (await listChanges(deps.db, { teacherId: ctx.actor.userId }, { page: 1, pageSize: 100 })).items };
}

export async function uploadOwnPhoto(deps: Deps, ctx: ActorCtx, kind: PhotoKind, data: Buffer) {
  const userId = ctx.actor.userId;
  const name = await storePhoto(deps, userId, kind, data);
  await deps.db.transaction().execute(async (trx) => {
    await setTeacherPhoto(trx, userId, kind, name);
    await recordAudit(trx, ctx, {
      action: `profile.photo.${kind}`,
      objectType: 'teacher',
      objectId: userId,
      detail: { bytes: data.length },
    });
  });
}
