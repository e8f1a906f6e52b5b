// Five years of 十四五 (2021–2025) for the teachers of the two demo cities (the amounts: ./history-plan.ts;
// other cities' teachers have none, to keep the seed fast — their 十四五 shows 未完成): 全员远程培训,
// 骨干教师集中培训, 自主选学, 校本研修 in two terms, and a few approved 学分申报. In the two demo counties (not
// at the demo schools) the yearly 集中培训 is a real past project — closed, a class at the city's 教育学院, every trainee
// enrolled, scored and 合格 — whose credits point back at the enrolment. Everything is posted in one
// call to the ledger's bulk posting (entries, summaries, standings), which keeps the seed fast.
// 李秀英 and 王伟 have their own 十四五 in ./credits.ts; the two colleagues ./credits.ts gives 2025
// entries get 2021–2024 here. No 结业证书 for these past classes (certificates are issued at scoring,
// which the history does not replay).
import { sql } from 'kysely';
import type { Executor, RequestCtx } from '../context.ts';
import { postCreditEntries } from '../modules/credits/ledger-bulk.ts';
import type { NewCreditEntry } from '../modules/credits/ledger.ts';
import { schoolBasedEntry } from '../modules/credits/school-based.service.ts';
import { drawProfile, historyOf, seeded, type Profile, type TeacherHistory, type YearPlan } from './history-plan.ts';
import { historyClaims } from './history-claims.ts';
import { demoWorld } from './projects-world.ts';

const ctx: RequestCtx = { ip: '127.0.0.1', requestId: 'demo-seed' };
const ELECTIVES = ['中小学心理健康教育', '信息技术与学科教学融合', '课堂教学评价与反馈', '大单元教学设计', '家校共育实务'];
const TOPICS = ['集体备课与听评课', '作业设计专题研讨', '读书分享与教学反思', '课程标准学习', '课例研究与同课异构', '班主任工作经验交流'];

type Certifier = NewCreditEntry['certifier'];
export interface Row {
  id: number;
  name: string;
  login: string | null;
  schoolId: number;
  school: string;
  county: string;
  city: string;
  cityName: string;
  hireDate: string | null;
}
export interface HistoryTeacher {
  id: number;
  name: string;
  profile: Profile;
  shortYear?: number;
}

/** Teachers whose profile is fixed rather than drawn (by name: the demo seed adds them for this). */
export const PINNED: Record<string, Exclude<Profile, 'new_hire'>> = { 黄丽萍: 'short_school_based', 林海涛: 'short_year' };

export async function seedDemoHistory(db: Executor): Promise<HistoryTeacher[]> {
  const w = await demoWorld(db);
  if (!w) return [];
  const teachers: Row[] = (
    await db
      .selectFrom('teachers as t')
      .innerJoin('users as u', 'u.id', 't.user_id')
      .innerJoin('schools as s', 's.id', 't.school_id')
      .innerJoin('regions as county', 'county.code', 't.region_code')
      .innerJoin('regions as city', 'city.code', 'county.parent_code')
      .select(['u.id', 'u.name', 'u.login_name', 't.school_id', 's.name as school', 't.region_code', 'city.code as city_code'])
      .select(['city.name as city_name', 't.hire_date'])
      .where('u.status', '=', 'active')
      .orderBy('u.id')
      .execute()
  ).map((r) => ({
    id: r.id,
    name: r.name,
    login: r.login_name,
    schoolId: r.school_id,
    school: r.school,
    county: r.region_code,
    city: r.city_code,
    cityName: r.city_name,
    hireDate: r.hire_date,
  }));
  const li = w.teacher,
    wang = w.teacher2;
  // the colleagues ./credits.ts posts 2025 for: the first two (by id) at each demo teacher's school
  const schoolOf = new Map(teachers.map((t) => [t.id, t.schoolId]));
  const colleagues = new Set(
    [li, wang].flatMap((d) =>
      teachers
        .filter((t) => t.schoolId === schoolOf.get(d) && t.id !== d)
        .slice(0, 2)
        .map((t) => t.id),
    ),
  );
  const province = w.province.name;
  const centre: Certifier = { id: null, name: `${province}教师培训中心`, unit: `${province}教师培训中心` };
  const admins = await schoolAdmins(db);
  const plans = new Map<number, TeacherHistory>();
  for (const t of teachers) {
    // the two demo cities only: the other cities' 600 teachers would double the seed time (see the report)
    if (t.id === li || t.id === wang || (t.city !== w.city && t.city !== w.city2)) continue;
    const rand = seeded(t.id * 7919);
    const h = historyOf(PINNED[t.name] ?? drawProfile(rand), rand, t.hireDate ?? undefined);
    if (colleagues.has(t.id)) h.years = h.years.filter((y) => y.year < 2025);
    plans.set(t.id, h);
  }

  const entries: NewCreditEntry[] = [];
  // 骨干教师集中培训 of the demo counties: one closed project a year per demo city, its trainees enrolled and 合格
  const demoSchools = new Set([w.school, w.who('demo-school2').school_id]);
  const projectOf = new Map<string, { enrolments: Map<number, number>; name: string; end: string; organiser: string }>();
  for (const [city, county] of [
    [w.city, w.county],
    [w.city2, w.county2],
  ] as const) {
    for (const year of [2021, 2022, 2023, 2024, 2025]) {
      // not the demo schools' teachers: tests count their 我的专项培训 tabs (their 集中培训 is a plain entry)
      const trainees = teachers.filter(
        (t) => t.county === county && !demoSchools.has(t.schoolId) && plans.get(t.id)?.years.some((y) => y.year === year && y.concentrated),
      );
      if (!trainees.length) continue;
      const p = await pastProject(db, w, city, county, year, trainees);
      projectOf.set(`${city}:${year}`, p);
    }
  }
  for (const t of teachers) {
    const h = plans.get(t.id);
    if (!h) continue;
    const bureau: Certifier = { id: null, name: `${t.cityName}教育局`, unit: `${t.cityName}教育局` };
    for (const [i, y] of h.years.entries())
      entries.push(...yearEntries(t, y, i, province, centre, bureau, admins.get(t.schoolId)!, projectOf));
  }
  const claims = await historyClaims(db, teachers, plans, w.county);
  entries.push(...claims.entries);
  const posted = await postCreditEntries(db, ctx, entries);
  // the enrolments and claims point at their ledger entries
  const links = entries.flatMap((e, i) => (e.source === 'project' && e.sourceId ? [[Number(e.sourceId), posted[i]!.id]] : []));
  if (links.length)
    await sql`UPDATE enrollments e SET credit_entry_id = v.entry FROM (SELECT unnest(${links.map((l) => l[0])}::bigint[]) AS id,
      unnest(${links.map((l) => l[1])}::bigint[]) AS entry) v WHERE e.id = v.id`.execute(db);
  for (const [claimId, index] of claims.links)
    await db
      .updateTable('credit_claims')
      .set({ entry_id: posted[index + entries.length - claims.entries.length]!.id })
      .where('id', '=', claimId)
      .execute();
  return teachers.flatMap((t) => {
    const h = plans.get(t.id);
    return h ? [{ id: t.id, name: t.name, profile: h.profile, shortYear: h.shortYear }] : [];
  });
}

function yearEntries(
  t: Row,
  y: YearPlan,
  i: number,
  province: string,
  centre: Certifier,
  bureau: Certifier,
  admin: Certifier,
  projects: Map<string, { enrolments: Map<number, number>; name: string; end: string; organiser: string }>,
): NewCreditEntry[] {
  const out: NewCreditEntry[] = [];
  const base = { teacherId: t.id, year: y.year };
  if (y.remote)
    out.push({
      ...base,
      date: `${y.year}-11-20`,
      category: 'public_required',
      form: 'online',
      amount: y.remote,
      hours: y.remote * 3,
      title: `${y.year}年度${province}中小学教师全员远程培训（公共必修）`,
      source: 'project',
      level: 'province',
      certifier: centre,
    });
  if (y.concentrated) {
    const p = projects.get(`${t.city}:${y.year}`);
    const enrolment = p?.enrolments.get(t.id);
    out.push({
      ...base,
      date: p ? p.end : `${y.year}-08-15`,
      category: 'professional_elective',
      form: 'onsite',
      amount: y.concentrated,
      hours: y.concentrated * 3,
      title: p ? p.name : `${y.year}年${t.cityName}中小学骨干教师集中培训`,
      source: 'project',
      ...(enrolment ? { sourceId: String(enrolment), sourceKey: `project:history:${y.year}:${t.city}:teacher:${t.id}` } : {}),
      level: 'city',
      certifier: p ? { id: null, name: p.organiser, unit: p.organiser } : bureau,
    });
  }
  if (y.elective)
    out.push({
      ...base,
      date: `${y.year}-10-10`,
      category: 'self_elective',
      form: 'online',
      amount: y.elective,
      hours: y.elective * 3,
      title: `自主选学：${ELECTIVES[(i + t.id) % ELECTIVES.length]}`,
      source: 'elective',
      level: 'province',
      certifier: centre,
    });
  for (const [k, amount] of y.schoolBased.entries()) {
    if (!amount) continue;
    const term = k === 0 ? '春季学期' : '秋季学期';
    const v = {
      year: y.year,
      date: k === 0 ? `${y.year}-07-05` : `${y.year}-12-28`,
      title: `${y.year}年${term}校本研修：${TOPICS[(i + t.id + k) % TOPICS.length]}`,
      amount,
      hours: amount * 3,
      category: 'school_based',
    };
    out.push(schoolBasedEntry(t.id, t.schoolId, v, admin));
  }
  return out;
}

type World = NonNullable<Awaited<ReturnType<typeof demoWorld>>>;

/** A closed city project of `year` with one class at the city's 教育学院, every trainee enrolled, scored and 合格. */
async function pastProject(db: Executor, w: World, city: string, county: string, year: number, trainees: Row[]) {
  const cityName = w.names.get(city)!,
    countyName = w.names.get(county)!,
    organiser = `${cityName}教育局`;
  const start = `${year}-08-10`,
    end = `${year}-08-14`;
  const name = `${year}年${cityName}中小学骨干教师集中培训`;
  const p = await w.project(
    {
      name,
      year,
      level: 'city',
      type_id: w.type('市培'),
      mode: 'onsite',
      funding: '市级财政经费',
      credit_category: 'professional_elective',
      credit_amount_h: 400,
      hours_h: 1200,
      quota: trainees.length + 10,
      place: `${cityName}教育学院`,
      start_date: start,
      end_date: end,
      status: 'closed',
      institutions: [w.inst[1]!.id],
      published_at: new Date(`${year}-06-01T09:00:00+08:00`),
      closed_at: new Date(`${year}-09-30T17:00:00+08:00`),
    },
    { region: city, name: organiser },
  );
  const quota = await w.split(p.id, p.root, county, countyName, trainees.length);
  await db.updateTable('project_quotas').set({ used: trainees.length }).where('id', '=', quota).execute();
  const cls = await db
    .insertInto('training_classes')
    .values({ project_id: p.id, institution_id: w.inst[1]!.id, name: '骨干一班' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const at = (day: string) => new Date(`${day}T10:00:00+08:00`);
  const rows = await db
    .insertInto('enrollments')
    .values(
      trainees.map((t, i) => {
        const onsite = 75 + ((t.id * 13 + i) % 21),
          online = 72 + ((t.id * 7 + i) % 24);
        return {
          project_id: p.id,
          teacher_id: t.id,
          origin: 'selected' as const,
          status: 'assigned' as const,
          stage: 'done' as const,
          quota_id: quota,
          class_id: cls.id,
          onsite_score: onsite,
          online_score: online,
          total_score: Math.round((onsite + online) / 2),
          result: 'passed' as const,
          evaluated: true,
          version: 4,
          created_at: at(`${year}-06-20`),
          updated_at: at(end),
        };
      }),
    )
    .returning(['id', 'teacher_id', 'total_score'])
    .execute();
  const K = w.who(county === w.county ? 'demo-county' : 'demo-county2'),
    C = w.who(city === w.city ? 'demo-city' : 'demo-city2');
  await db
    .insertInto('enrollment_events')
    .values(
      rows.flatMap((r) => [
        {
          enrollment_id: r.id,
          action: 'selected' as const,
          level: 'county',
          actor_id: K.id,
          actor_name: K.name,
          reason: null,
          at: at(`${year}-06-20`),
        },
        {
          enrollment_id: r.id,
          action: 'approved' as const,
          level: 'city',
          actor_id: C.id,
          actor_name: C.name,
          reason: null,
          at: at(`${year}-06-25`),
        },
        {
          enrollment_id: r.id,
          action: 'assigned' as const,
          level: 'city',
          actor_id: C.id,
          actor_name: C.name,
          reason: `${w.inst[1]!.name} · 骨干一班`,
          at: at(`${year}-07-01`),
        },
        {
          enrollment_id: r.id,
          action: 'passed' as const,
          level: null,
          actor_id: null,
          actor_name: w.inst[1]!.name,
          reason: `总成绩 ${r.total_score}，合格`,
          at: at(end),
        },
      ]),
    )
    .execute();
  return { name, end, organiser, enrolments: new Map(rows.map((r) => [r.teacher_id, r.id])) };
}

async function schoolAdmins(db: Executor): Promise<Map<number, Certifier>> {
  const schools = await db.selectFrom('schools').select(['id', 'name']).execute();
  const admins = await db
    .selectFrom('user_roles as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select(['u.id', 'u.name', 'r.school_id'])
    .where('r.role', '=', 'school_admin')
    .execute();
  return new Map(
    schools.map((s) => {
      const a = admins.find((x) => x.school_id === s.id);
      return [s.id, { id: a?.id ?? null, name: a?.name ?? `${s.name}管理员`, unit: s.name }];
    }),
  );
}
