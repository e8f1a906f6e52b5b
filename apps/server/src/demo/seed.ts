// Demo data for an empty database: schools in every county, two institutions, the demo accounts
// of the README, and imported teachers who still have the default password.
import { makeIdNumber, type Role } from '@shixun/domain';
import type { Executor } from '../context.ts';
import { hashPassword } from '../modules/auth/passwords.ts';
import { seedDemoCredits } from './credits.ts';
import { seedDemoClaims } from './credit-claims.ts';
import { seedDemoProjects } from './projects.ts';
import { seedDemoClasses } from './classes.ts';
import { seedDemoElectives } from './electives.ts';
import { seedDemoHistory } from './history.ts';
import { historyFacts, HISTORY_TEACHERS, type DemoHistoryFacts } from './history-facts.ts';
import { insertRegistration } from '../modules/teachers/registrations.repository.ts';

export const DEMO_PASSWORD = 'Shixun@2026';
const SCHOOL_KINDS = [
  { suffix: '第一小学', category: '小学', area: '城区', stage: '小学', subjects: ['语文', '数学', '英语'] },
  { suffix: '第二初级中学', category: '初级中学', area: '镇区', stage: '初中', subjects: ['数学', '物理', '历史'] },
  { suffix: '中心幼儿园', category: '幼儿园', area: '乡村', stage: '幼儿园', subjects: ['学前教育'] },
];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = ['秀英', '丽', '伟', '芳', '娜', '敏', '静', '磊', '军', '洋', '勇', '艳', '杰', '涛', '明', '超', '霞', '平', '刚', '桂英'];

export interface DemoFacts {
  teacherIdNumber: string;
  teacher2IdNumber: string;
  importedIdNumber: string;
  /** 十四五 (2021–2025): who is short and why — see ./history-facts.ts */
  history: DemoHistoryFacts;
}

export async function seedDemo(db: Executor, provinceCode: string): Promise<DemoFacts | null> {
  if (await db.selectFrom('users').select('id').limit(1).executeTakeFirst()) return null;
  const hash = await hashPassword(DEMO_PASSWORD);
  return db.transaction().execute(async (trx) => {
    const counties = await trx
      .selectFrom('regions')
      .select(['code', 'name', 'parent_code'])
      .where('level', '=', 'county')
      .orderBy('code')
      .execute();
    const cities = await trx.selectFrom('regions').select(['code', 'name']).where('level', '=', 'city').orderBy('code').execute();
    const schools = await trx
      .insertInto('schools')
      .values(
        counties.flatMap((c) =>
          SCHOOL_KINDS.map((k, i) => ({
            code: `${c.code}${String(i + 1).padStart(3, '0')}`,
            name: `${c.name}${k.suffix}`,
            region_code: c.code,
            area_type: k.area,
            category: k.category,
          })),
        ),
      )
      .returning(['id', 'region_code', 'name'])
      .execute();
    const province = await trx.selectFrom('regions').select('name').where('code', '=', provinceCode).executeTakeFirstOrThrow();
    const institutions = await trx
      .insertInto('institutions')
      .values([
        { code: 'INST-01', name: `${province.name}教师培训中心` },
        { code: 'INST-02', name: `${cities[0]!.name}教育学院` },
      ])
      .returning('id')
      .execute();

    const [city1, city2] = cities;
    const county1 = counties.find((c) => c.parent_code === city1!.code)!;
    const county2 = counties.find((c) => c.parent_code === city2!.code)!;
    const school1 = schools.find((s) => s.region_code === county1.code)!;
    const school2 = schools.find((s) => s.region_code === county2.code)!;

    const admin = async (login: string, name: string, role: Role, scope: { region?: string; school?: number; institution?: number }) => {
      const u = await trx
        .insertInto('users')
        .values({
          login_name: login,
          name,
          password_hash: hash,
          source: 'admin',
          id_number: null,
          phone: null,
          email: null,
          reject_reason: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('user_roles')
        .values({
          user_id: u.id,
          role,
          region_code: scope.region ?? null,
          school_id: scope.school ?? null,
          institution_id: scope.institution ?? null,
        })
        .execute();
    };
    await admin('demo-province', `${province.name}教师培训中心管理员`, 'province_admin', { region: provinceCode });
    await admin('demo-city', `${city1!.name}管理员`, 'city_admin', { region: city1!.code });
    await admin('demo-city2', `${city2!.name}管理员`, 'city_admin', { region: city2!.code });
    await admin('demo-county', `${county1.name}管理员`, 'county_admin', { region: county1.code });
    await admin('demo-county2', `${county2.name}管理员`, 'county_admin', { region: county2.code });
    await admin('demo-school', `${school1.name}管理员`, 'school_admin', { school: school1.id });
    await admin('demo-school2', `${school2.name}管理员`, 'school_admin', { school: school2.id });
    await admin('demo-institution', '培训中心机构管理员', 'institution_admin', { institution: institutions[0]!.id });
    await admin('demo-sys', '系统管理员', 'sys_admin', { region: provinceCode });
    await admin('demo-security', '安全管理员', 'security_admin', { region: provinceCode });
    await admin('demo-audit', '审计管理员', 'audit_admin', { region: provinceCode });

    // teachers: the two demo teachers, then imported ones (default password, must change at first login)
    let seq = 0;
    const rows: TeacherSeed[] = [];
    const ids = {
      teacherIdNumber: makeIdNumber(county1.code, '1986-04-12', 11),
      teacher2IdNumber: makeIdNumber(county2.code, '1990-09-03', 22),
      importedIdNumber: makeIdNumber(county1.code, '1988-06-18', 33),
    };
    rows.push({
      login: 'demo-teacher',
      name: '李秀英',
      id: ids.teacherIdNumber,
      phone: '13800000001',
      school: school1,
      kind: 0,
      hash,
      gender: '女',
      birth: '1986-04-12',
    });
    rows.push({
      login: 'demo-teacher2',
      name: '王伟',
      id: ids.teacher2IdNumber,
      phone: '13800000002',
      school: school2,
      kind: 0,
      hash,
      gender: '男',
      birth: '1990-09-03',
    });
    rows.push({
      login: null,
      name: '陈静',
      id: ids.importedIdNumber,
      phone: '13800000003',
      school: school1,
      kind: 0,
      hash: null,
      gender: '女',
      birth: '1988-06-18',
    });
    for (const s of schools) {
      const kind = SCHOOL_KINDS.findIndex((k) => s.name.endsWith(k.suffix));
      const many = s.region_code === county1.code || s.region_code === county2.code;
      for (let i = 0; i < (many ? 8 : 2); i++) {
        seq++;
        const year = 1970 + (seq % 30),
          month = String(1 + (seq % 12)).padStart(2, '0'),
          day = String(1 + (seq % 28)).padStart(2, '0');
        const birth = `${year}-${month}-${day}`;
        const id = makeIdNumber(s.region_code, birth, 100 + (seq % 800));
        rows.push({
          login: null,
          name: SURNAMES[seq % SURNAMES.length]! + GIVEN[(seq * 7) % GIVEN.length]!,
          id,
          phone: `139${String(seq).padStart(8, '0')}`,
          school: s,
          kind,
          hash: null,
          gender: Number(id[16]) % 2 ? '男' : '女',
          birth,
        });
      }
    }
    // the teachers of the 十四五 history's notable cases (./history-facts.ts), after the others: ids above theirs
    for (const [i, h] of HISTORY_TEACHERS.entries()) {
      const county = h.county === 1 ? county1 : county2;
      const school = schools.filter((x) => x.region_code === county.code)[h.school]!;
      rows.push({
        login: h.login,
        name: h.name,
        id: makeIdNumber(county.code, h.birth, 55 + i),
        phone: `1380000001${i}`,
        school,
        kind: h.school,
        hash: h.login ? hash : null,
        gender: h.gender,
        birth: h.birth,
        hire: h.hireDate,
        registeredOn: h.registeredOn,
      });
    }
    await insertTeachers(trx, rows);
    // one registration waiting for the demo school admin's approval
    const pending = await trx
      .insertInto('users')
      .values({
        login_name: null,
        name: '赵敏',
        id_number: makeIdNumber(county1.code, '1995-02-20', 44),
        phone: '13800000004',
        email: null,
        reject_reason: null,
        password_hash: hash,
        status: 'pending',
        source: 'register',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('teachers')
      .values({ user_id: pending.id, school_id: school1.id, region_code: school1.region_code, gender: '女', birth_date: '1995-02-20' })
      .execute();
    await trx
      .insertInto('user_roles')
      .values({ user_id: pending.id, role: 'teacher', school_id: school1.id, region_code: null, institution_id: null })
      .execute();
    const history = await seedDemoHistory(trx);
    await seedDemoCredits(trx);
    await seedDemoClaims(trx);
    await seedDemoProjects(trx);
    await seedDemoClasses(trx);
    await seedDemoElectives(trx);
    return { ...ids, history: historyFacts(history) };
  });
}

interface TeacherSeed {
  login: string | null;
  name: string;
  id: string;
  phone: string;
  school: { id: number; region_code: string };
  kind: number;
  hash: string | null;
  gender: string;
  birth: string;
  /** 入职时间, when not the default */
  hire?: string;
  /** 注册日期 (教师资格定期注册), the anchor of the teacher's own 定期注册 window */
  registeredOn?: string;
}

async function insertTeachers(trx: Executor, rows: TeacherSeed[]) {
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows.slice(i, i + 500);
    const users = await trx
      .insertInto('users')
      .values(
        chunk.map((r) => ({
          login_name: r.login,
          name: r.name,
          id_number: r.id,
          phone: r.phone,
          email: null,
          reject_reason: null,
          password_hash: r.hash,
          must_change_password: r.hash === null,
          source: 'import' as const,
        })),
      )
      .returning(['id', 'id_number'])
      .execute();
    const byId = new Map(users.map((u) => [u.id_number, u.id]));
    await trx
      .insertInto('teachers')
      .values(
        chunk.map((r, j) => {
          const k = SCHOOL_KINDS[r.kind]!;
          return {
            user_id: byId.get(r.id)!,
            school_id: r.school.id,
            region_code: r.school.region_code,
            gender: r.gender,
            birth_date: r.birth,
            ethnicity: j % 5 === 0 ? '壮族' : '汉族',
            political_status: j % 3 === 0 ? '中共党员' : '群众',
            stage: k.stage,
            subject: k.subjects[j % k.subjects.length]!,
            highest_education: '大学本科',
            highest_degree: '学士',
            professional_title: j % 2 ? '一级教师' : '二级教师',
            post_category: '专任教师',
            is_establishment: true,
            qualification_type: k.stage === '初中' ? '初级中学' : k.stage,
            hire_date: r.hire ?? '2012-09-01',
            work_start_date: r.hire ?? '2012-09-01',
          };
        }),
      )
      .execute();
    await trx
      .insertInto('user_roles')
      .values(
        chunk.map((r) => ({ user_id: byId.get(r.id)!, role: 'teacher', school_id: r.school.id, region_code: null, institution_id: null })),
      )
      .execute();
    // personal 注册日期 (before the history posts credits: each standing is judged on its window)
    for (const r of chunk)
      if (r.registeredOn)
        await insertRegistration(trx, { teacherId: byId.get(r.id)!, registeredOn: r.registeredOn, note: '演示数据', recordedBy: null });
  }
}
