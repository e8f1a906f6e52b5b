// Factories for new tests: a test says what it needs ("a teacher hired last March at this school", "a published
// provincial project") instead of leaning on facts of the demo world. They go through the modules' own functions
// and the HTTP API, so what they create is what the platform would create (sealed personal data, audit, quotas).
import { makeIdNumber } from '@shixun/domain';
import { insertAccount } from '../src/modules/auth/accounts.repository.ts';
import { hashPassword } from '../src/modules/auth/passwords.ts';
import { insertTeacherRecord, schoolForRegistration } from '../src/modules/teachers/teacher-record.repository.ts';
import { applyProfilePatch } from '../src/modules/teachers/profile.write.ts';
import { sealIdNumber, sealPhone } from '../src/security/pii.ts';
import { DEMO_PASSWORD, type Client, loginAs, type TestServer } from './harness.ts';
import { projectBody } from './projects-fixtures.ts';

let seq = 0;
let demoHash: Promise<string> | undefined;

export interface TeacherSpec {
  name?: string;
  /** a school's id; default: demo-school's school (so demo-school and demo-county see the teacher) */
  schoolId?: number;
  birthDate?: string;
  /** profile fields as the profile API names them (hireDate, workStartDate, personnelStatus, stage, subject …) */
  profile?: Record<string, unknown>;
}

export interface NewTeacher {
  id: number;
  login: string;
  idNumber: string;
  phone: string;
  schoolId: number;
  regionCode: string;
  /** a client logged in as this teacher */
  client(): Promise<Client>;
}

/** An active teacher who logs in with the demo password under a login name of its own. */
export async function newTeacher(s: TestServer, spec: TeacherSpec = {}): Promise<NewTeacher> {
  const db = s.deps.db;
  const schoolId =
    spec.schoolId ??
    (
      await db
        .selectFrom('user_roles as r')
        .innerJoin('users as u', 'u.id', 'r.user_id')
        .select('r.school_id')
        .where('u.login_name', '=', 'demo-school')
        .executeTakeFirstOrThrow()
    ).school_id;
  if (!schoolId) throw new Error('demo-school has no school');
  const school = await schoolForRegistration(db, schoolId);
  if (!school) throw new Error(`no school ${schoolId}`);
  const n = ++seq;
  const unique = `${process.pid % 1000}${n}`;
  const idNumber = makeIdNumber(school.region_code.slice(0, 6).padEnd(6, '0'), spec.birthDate ?? '1988-03-15', 700 + (n % 300));
  const phone = `139${String(Number(unique) % 1e8).padStart(8, '0')}`;
  const login = `factory-t${unique}-${Date.now() % 1e6}`;
  demoHash ??= hashPassword(DEMO_PASSWORD);
  const passwordHash = await demoHash;
  const id = await db.transaction().execute(async (trx) => {
    const userId = await insertAccount(
      trx,
      {
        ...sealIdNumber(idNumber),
        ...sealPhone(phone),
        login_name: login,
        name: spec.name ?? `测试教师${n}`,
        password_hash: passwordHash,
        status: 'active',
        email: null,
        source: 'admin',
      },
      { role: 'teacher', school_id: school.id, region_code: null, institution_id: null },
    );
    await insertTeacherRecord(trx, { userId, school, gender: '女', birthDate: spec.birthDate ?? '1988-03-15' });
    if (spec.profile) await applyProfilePatch(trx, userId, spec.profile, s.config.provinceCode);
    return userId;
  });
  return { id, login, idNumber, phone, schoolId: school.id, regionCode: school.region_code, client: () => loginAs(s, login) };
}

/** A training project created through the API by an admin (the province by default); published unless told not to. */
export async function newProject(
  s: TestServer,
  over: Record<string, unknown> = {},
  o: { by?: string; publish?: boolean } = {},
): Promise<{ id: number; admin: Client }> {
  const admin = await loginAs(s, o.by ?? 'demo-province');
  const r = await admin.post('/api/projects', await projectBody(s, over));
  if (r.status !== 201) throw new Error(`project not created: ${r.status} ${JSON.stringify(r.body)}`);
  const id = r.body.project.id as number;
  if (o.publish !== false) {
    const p = await admin.post(`/api/projects/${id}/publish`);
    if (p.status !== 200) throw new Error(`project not published: ${p.status} ${JSON.stringify(p.body)}`);
  }
  return { id, admin };
}
