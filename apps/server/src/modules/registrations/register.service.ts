// 教师注册: a self-registered teacher is a pending account (auth), its teacher record (teachers) and its teacher role,
// written in one transaction; the school admin's review (注册审核, registrations.service.ts) decides it.
import { checkIdNumber, idNumberFacts, maskIdNumber, PHONE_RE, normalizeIdNumber } from '@shixun/domain';
import type { Deps, RequestCtx } from '../../context.ts';
import { conflict, invalid } from '../../http/errors.ts';
import { idNumberIndex, phoneIndex, sealIdNumber, sealPhone } from '../../security/pii.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { holderOfNumbers, insertAccount } from '../auth/accounts.repository.ts';
import { guardRegistration } from '../auth/challenge.ts';
import { newPasswordProblem, rememberPassword } from '../auth/password-rules.ts';
import { hashPassword } from '../auth/passwords.ts';
import { insertTeacherRecord, schoolForRegistration } from '../teachers/teacher-record.repository.ts';

export interface RegisterInput {
  idNumber: string;
  name: string;
  phone: string;
  schoolId: number;
  password: string;
  /** asked for after a few registrations from one IP (GET /api/auth/challenge) */
  challengeId?: string;
  challengeAnswer?: string;
}

export async function register(deps: Deps, ctx: RequestCtx, input: RegisterInput) {
  const idNumber = normalizeIdNumber(input.idNumber);
  const idErr = checkIdNumber(idNumber);
  if (idErr) throw invalid(idErr, { idNumber: idErr });
  if (!PHONE_RE.test(input.phone)) throw invalid('手机号格式不正确', { phone: '手机号格式不正确' });
  const name = input.name.trim();
  if (!name) throw invalid('请填写姓名', { name: '请填写姓名' });
  const pwErr = newPasswordProblem(deps.config, input.password, { id_number: idNumber, login_name: null, name, phone: input.phone });
  if (pwErr) throw invalid(pwErr, { password: pwErr });
  const school = await schoolForRegistration(deps.db, input.schoolId);
  if (!school || !school.region_code.startsWith(deps.config.provinceCode)) throw invalid('请选择所在学校', { schoolId: '学校不存在' });
  // "已存在" below tells whether a number is registered: past a few tries from one IP, a person must answer a question
  await guardRegistration(deps.db, ctx.ip, { id: input.challengeId, answer: input.challengeAnswer });
  const hash = await hashPassword(input.password);
  const facts = idNumberFacts(idNumber);
  try {
    return await deps.db.transaction().execute(async (trx) => {
      // numbers are stored encrypted: exact matches go through their blind indexes
      const taken = await holderOfNumbers(trx, idNumberIndex(idNumber), phoneIndex(input.phone));
      if (taken) throw conflict('手机号/证件号已存在', 'ALREADY_EXISTS');
      const userId = await insertAccount(
        trx,
        {
          ...sealIdNumber(idNumber),
          ...sealPhone(input.phone),
          name,
          password_hash: hash,
          status: 'pending',
          login_name: null,
          email: null,
          source: 'register',
        },
        { role: 'teacher', school_id: school.id, region_code: null, institution_id: null },
      );
      await insertTeacherRecord(trx, { userId, school, gender: facts.gender, birthDate: facts.birthDate });
      await rememberPassword(trx, deps.config, userId, hash);
      await recordAudit(trx, ctx, {
        action: 'auth.register',
        objectType: 'user',
        objectId: userId,
        actorOverride: { id: userId, name, role: 'teacher' },
        detail: { schoolId: school.id, idNumber: maskIdNumber(idNumber) },
      });
      return { status: 'pending' as const, id: userId };
    });
  } catch (e) {
    // two registrations racing for the same number: the unique index decides, the loser hears why
    if ((e as { code?: string }).code === '23505') throw conflict('手机号/证件号已存在', 'ALREADY_EXISTS');
    throw e;
  }
}
