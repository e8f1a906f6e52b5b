// Fixtures for the class tests, written straight into the database (the PLAN side's selection and
// assignment flow is tested on its own): a project, a class of an institution, enrolments placed in
// it, extra teachers and a second institution's admin who can log in.
import { makeIdNumber } from '@shixun/domain';
import { hashPassword } from '../src/modules/auth/passwords.ts';
import { DEMO_PASSWORD, type TestServer } from './harness.ts';

type Db = TestServer['deps']['db'];

const CHINA_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' });
/** A China calendar day `days` from today, YYYY-MM-DD. */
export const dayFromToday = (days: number) => CHINA_DAY.format(new Date(Date.now() + days * 86_400_000));
/** An instant on a China calendar day: `dayFromToday(0)` at 09:00 → `at(0, '09:00')`. */
export const at = (days: number, hhmm: string) => new Date(`${dayFromToday(days)}T${hhmm}:00+08:00`).toISOString();

export const QUESTIONS = [
  { id: 'q1', text: '培训内容的实用性', kind: 'rating' as const },
  { id: 'q2', text: '授课教师的水平', kind: 'rating' as const },
  { id: 'q3', text: '意见和建议', kind: 'text' as const },
];

export interface ProjectOpts {
  name?: string;
  level?: 'national' | 'province' | 'city' | 'county' | 'school';
  organiserRegion?: string;
  organiserSchoolId?: number;
  startDay?: number;
  endDay?: number;
  onsiteWeight?: number;
  passMark?: number;
  creditH?: number;
  hoursH?: number;
  category?: string;
  mode?: 'onsite' | 'online' | 'blended' | 'school_based';
  questions?: typeof QUESTIONS;
}

let seq = 0;
export async function makeProject(db: Db, o: ProjectOpts = {}) {
  const type = await db.selectFrom('project_types').select('id').where('parent_id', 'is', null).orderBy('sort').executeTakeFirstOrThrow();
  const onsite = o.onsiteWeight ?? 40;
  const start = dayFromToday(o.startDay ?? -3);
  const p = await db
    .insertInto('projects')
    .values({
      name: o.name ?? `测试项目${++seq}`,
      year: Number(start.slice(0, 4)),
      level: o.level ?? 'province',
      organiser_region_code: o.organiserSchoolId ? null : (o.organiserRegion ?? '45'),
      organiser_school_id: o.organiserSchoolId ?? null,
      organiser_name: o.organiserSchoolId ? '测试学校' : '广西壮族自治区教育厅',
      type_id: type.id,
      mode: o.mode ?? 'blended',
      credit_category: o.category ?? 'public_required',
      credit_amount_h: o.creditH ?? 200,
      hours_h: o.hoursH ?? 2400,
      quota: 100,
      place: '南宁市民族大道 100 号',
      start_date: start,
      end_date: dayFromToday(o.endDay ?? 3),
      onsite_weight: onsite,
      online_weight: 100 - onsite,
      pass_mark: o.passMark ?? 60,
      evaluation_questions: JSON.stringify(o.questions ?? QUESTIONS),
      status: 'published',
      learning_url: 'https://learn.example.edu.cn/course/1',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return p.id;
}

export async function institutionId(db: Db, code: 'INST-01' | 'INST-02') {
  return (await db.selectFrom('institutions').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
}

export async function makeClass(db: Db, projectId: number, instId: number, name = `第${++seq}班`) {
  await db
    .insertInto('project_institutions')
    .values({ project_id: projectId, institution_id: instId })
    .onConflict((oc) => oc.doNothing())
    .execute();
  return (
    await db
      .insertInto('training_classes')
      .values({ project_id: projectId, institution_id: instId, name })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

export async function enrol(
  db: Db,
  projectId: number,
  teacherId: number,
  classId: number | null,
  status: 'assigned' | 'approved' | 'reviewing' = 'assigned',
) {
  return (
    await db
      .insertInto('enrollments')
      .values({
        project_id: projectId,
        teacher_id: teacherId,
        origin: 'selected',
        status,
        stage: status === 'reviewing' ? 'city' : 'done',
        class_id: classId,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

let hash: Promise<string> | undefined;
/** A teacher at demo-school's school (or the given one) who can log in with the demo password. */
export async function makeTeacher(db: Db, name: string, schoolId?: number) {
  hash ??= hashPassword(DEMO_PASSWORD);
  const school = schoolId
    ? await db.selectFrom('schools').select(['id', 'region_code']).where('id', '=', schoolId).executeTakeFirstOrThrow()
    : await db
        .selectFrom('schools')
        .select(['id', 'region_code'])
        .where('region_code', '=', '450102')
        .orderBy('id')
        .executeTakeFirstOrThrow();
  const n = ++seq;
  const idNumber = makeIdNumber(school.region_code, '1990-01-01', 500 + n);
  const u = await db
    .insertInto('users')
    .values({
      login_name: `class-t${n}-${Date.now() % 100000}`,
      name,
      id_number: idNumber,
      phone: null,
      email: null,
      reject_reason: null,
      password_hash: await hash,
      source: 'admin',
    })
    .returning(['id', 'login_name'])
    .executeTakeFirstOrThrow();
  await db.insertInto('teachers').values({ user_id: u.id, school_id: school.id, region_code: school.region_code }).execute();
  await db
    .insertInto('user_roles')
    .values({ user_id: u.id, role: 'teacher', school_id: school.id, region_code: null, institution_id: null })
    .execute();
  return { id: u.id, login: u.login_name!, idNumber };
}

/** An institution admin of INST-02 (the demo has only INST-01's): side 2 of the institution's scope. */
export async function makeInstitutionAdmin(db: Db, login = 'test-institution2') {
  hash ??= hashPassword(DEMO_PASSWORD);
  const existing = await db.selectFrom('users').select('id').where('login_name', '=', login).executeTakeFirst();
  if (existing) return login;
  const u = await db
    .insertInto('users')
    .values({
      login_name: login,
      name: '第二机构管理员',
      id_number: null,
      phone: null,
      email: null,
      reject_reason: null,
      password_hash: await hash,
      source: 'admin',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('user_roles')
    .values({
      user_id: u.id,
      role: 'institution_admin',
      region_code: null,
      school_id: null,
      institution_id: await institutionId(db, 'INST-02'),
    })
    .execute();
  return login;
}

/** One file as a browser's multipart form sends it. */
export function multipartFile(name: string, data: Buffer, type = 'application/octet-stream', field = 'file') {
  const boundary = '----sxclass' + Math.random().toString(16).slice(2);
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** The smallest file that file-type recognises as a PDF. */
export const TINY_PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

function zipEntry(name: string, content: string) {
  const n = Buffer.from(name),
    d = Buffer.from(content),
    h = Buffer.alloc(30);
  h.writeUInt32LE(0x04034b50, 0);
  h.writeUInt16LE(20, 4);
  h.writeUInt32LE(d.length, 18);
  h.writeUInt32LE(d.length, 22);
  h.writeUInt16LE(n.length, 26);
  return Buffer.concat([h, n, d]);
}
/** Enough of a Word file for content sniffing: a zip whose parts say wordprocessingml. */
export const TINY_DOCX = Buffer.concat([
  zipEntry(
    '[Content_Types].xml',
    '<Types><Override ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  ),
  zipEntry('word/document.xml', '<w:document/>'),
]);
/** A 1×1 PNG. */
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
