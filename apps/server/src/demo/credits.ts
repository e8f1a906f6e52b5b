// Demo credits: 李秀英 (demo-teacher) with a complete 十三五, a 十四五 short of 校本研修 in one year
// (so 未完成 and «还差» show), a duplicate posting that was reversed, and 2026 under way; 王伟
// (demo-teacher2) and a few colleagues with less. Everything goes through the ledger, so summaries
// and standings are what real postings would make, and every teacher gets a standing row.
import type { CreditForm, CreditLevel } from '@shixun/domain';
import type { Executor, RequestCtx } from '../context.ts';
import { postCreditEntry, reverseCreditEntry, type CreditSource, type NewCreditEntry } from '../modules/credits/ledger.ts';
import { activePolicy } from '../modules/credits/policy.store.ts';
import { schoolBasedEntry } from '../modules/credits/school-based.service.ts';
import { today } from '../modules/credits/standing.ts';
import { evaluate, loadFacts, standingRow, writeStandings } from '../modules/credit-policies/batch.ts';

const ctx: RequestCtx = { ip: '127.0.0.1', requestId: 'demo-seed' };
const ELECTIVES = [
  '中小学心理健康教育',
  '信息技术与学科教学融合',
  '课堂教学评价与反馈',
  '大单元教学设计',
  '家校共育实务',
  '人工智能助力教学',
];
const TOPICS = [
  '集体备课与听评课',
  '作业设计专题研讨',
  '读书分享与教学反思',
  '义务教育课程标准学习',
  '课例研究与同课异构',
  '班主任工作经验交流',
];

type Certifier = NewCreditEntry['certifier'];
interface Teacher {
  id: number;
  schoolId: number;
  school: string;
  city: string;
}
interface Plan {
  year: number;
  pr?: number;
  pe?: number;
  se?: number;
  sb?: [number, number];
}

export async function seedDemoCredits(db: Executor): Promise<void> {
  const { policy } = await activePolicy(db);
  const day = today();
  const known = (e: { category: string; year: number; date: string }) =>
    policy.categories.some((c) => c.id === e.category) &&
    policy.cycles.some((c) => e.year >= c.startYear && e.year <= c.endYear) &&
    e.date <= day;
  const province = (await db.selectFrom('regions').select('name').where('level', '=', 'province').executeTakeFirst())?.name ?? '省';
  const centre: Certifier = { id: null, name: `${province}教师培训中心`, unit: `${province}教师培训中心` };

  const teacher = async (where: { login?: string; id?: number }): Promise<Teacher | undefined> => {
    let q = db
      .selectFrom('users as u')
      .innerJoin('teachers as t', 't.user_id', 'u.id')
      .innerJoin('schools as s', 's.id', 't.school_id')
      .innerJoin('regions as county', 'county.code', 't.region_code')
      .leftJoin('regions as city', 'city.code', 'county.parent_code')
      .select(['u.id', 't.school_id', 's.name as school', 'city.name as city']);
    if (where.login) q = q.where('u.login_name', '=', where.login);
    if (where.id) q = q.where('u.id', '=', where.id);
    const r = await q.executeTakeFirst();
    return r && { id: r.id, schoolId: r.school_id, school: r.school, city: r.city ?? '' };
  };
  const schoolAdmin = async (schoolId: number): Promise<Certifier> => {
    const a = await db
      .selectFrom('user_roles as r')
      .innerJoin('users as u', 'u.id', 'r.user_id')
      .select(['u.id', 'u.name'])
      .where('r.role', '=', 'school_admin')
      .where('r.school_id', '=', schoolId)
      .executeTakeFirst();
    const s = await db.selectFrom('schools').select('name').where('id', '=', schoolId).executeTakeFirstOrThrow();
    return { id: a?.id ?? null, name: a?.name ?? `${s.name}管理员`, unit: s.name };
  };

  const post = async (e: NewCreditEntry) => (known(e) ? postCreditEntry(db, ctx, e) : undefined);
  const project = (
    t: Teacher,
    year: number,
    date: string,
    category: string,
    form: CreditForm,
    amount: number,
    title: string,
    level: CreditLevel,
    certifier: Certifier,
    source: CreditSource = 'project',
  ) => post({ teacherId: t.id, date: clamp(date, day), year, category, form, amount, hours: amount * 3, title, source, level, certifier });

  const postYear = async (t: Teacher, p: Plan, i: number) => {
    const y = p.year,
      cityBureau: Certifier = { id: null, name: `${t.city}教育局`, unit: `${t.city}教育局` };
    if (p.pr)
      await project(
        t,
        y,
        `${y}-11-20`,
        'public_required',
        'online',
        p.pr,
        `${y}年度${province}中小学教师全员远程培训（公共必修）`,
        'province',
        centre,
      );
    if (p.pe)
      await project(
        t,
        y,
        `${y}-08-15`,
        'professional_elective',
        'onsite',
        p.pe,
        `${y}年${t.city}中小学骨干教师集中培训`,
        'city',
        cityBureau,
      );
    if (p.se)
      await project(
        t,
        y,
        `${y}-10-10`,
        'self_elective',
        'online',
        p.se,
        `自主选学：${ELECTIVES[i % ELECTIVES.length]}`,
        'province',
        centre,
        'elective',
      );
    if (p.sb) {
      const admin = await schoolAdmin(t.schoolId);
      const terms: Array<[string, string, number]> = [
        [`${y}-07-05`, '春季学期', p.sb[0]],
        [`${y}-12-28`, '秋季学期', p.sb[1]],
      ];
      for (const [date, term, amount] of terms) {
        if (!amount) continue;
        const v = {
          year: y,
          date: clamp(date, day),
          title: `${y}年${term}校本研修：${TOPICS[(i + y) % TOPICS.length]}`,
          amount,
          hours: amount * 3,
          category: 'school_based',
        };
        if (known(v)) await postCreditEntry(db, ctx, schoolBasedEntry(t.id, t.schoolId, v, admin));
      }
    }
  };

  const li = await teacher({ login: 'demo-teacher' });
  if (li) {
    for (let y = 2016; y <= 2020; y++) await postYear(li, { year: y, pr: 6, pe: 4, se: 4, sb: [10, 0] }, y);
    // 十四五: 2023's autumn term was certified for 3 instead of 5, so 2023 and the cycle fall short of 校本研修
    for (let y = 2021; y <= 2025; y++) await postYear(li, { year: y, pr: 6, pe: 4, se: 4, sb: [5, y === 2023 ? 3 : 5] }, y);
    // a training posted twice by mistake, corrected by a reversing entry
    const dup = await project(
      li,
      2025,
      '2025-09-01',
      'professional_elective',
      'onsite',
      4,
      `2025年${li.city}中小学骨干教师集中培训`,
      'city',
      { id: null, name: `${li.city}教育局`, unit: `${li.city}教育局` },
    );
    if (dup)
      await reverseCreditEntry(db, ctx, dup.id, '与 2025-08-15 的同一培训重复录入', {
        id: null,
        name: `${li.city}教育局`,
        unit: `${li.city}教育局`,
      });
    await postYear(li, { year: 2026, pr: 6, se: 2, sb: [4, 0] }, 2026);
  }
  const wang = await teacher({ login: 'demo-teacher2' });
  if (wang) {
    for (let y = 2021; y <= 2025; y++) await postYear(wang, { year: y, pr: 6, sb: y < 2024 ? [8, 0] : [5, 5] }, y + 1);
    await postYear(wang, { year: 2026, pr: 6, pe: 4, sb: [6, 0] }, 2);
  }
  // colleagues at the two demo schools: the school admins' 校本研修 lists are not empty
  for (const t0 of [li, wang]) {
    if (!t0) continue;
    const others = await db
      .selectFrom('teachers as t')
      .innerJoin('users as u', 'u.id', 't.user_id')
      .select('t.user_id')
      .where('t.school_id', '=', t0.schoolId)
      .where('t.user_id', '<>', t0.id)
      .where('u.status', '=', 'active')
      .orderBy('t.user_id')
      .limit(2)
      .execute();
    for (const [i, o] of others.entries()) {
      const t = (await teacher({ id: o.user_id }))!;
      await postYear(t, { year: 2025, pr: 6, se: i % 2 ? 4 : 0, sb: [5, i === 0 ? 3 : 5] }, i);
      await postYear(t, { year: 2026, sb: [i + 2, 0] }, i + 3);
    }
  }
  // everyone else still needs a standing, or compliance reports would not count them. The batch
  // evaluator does what refreshStanding does, without two queries per teacher (700 demo teachers).
  const without = await db
    .selectFrom('teachers as t')
    .leftJoin('credit_standings as cs', 'cs.teacher_id', 't.user_id')
    .select('t.user_id')
    .where('cs.teacher_id', 'is', null)
    .orderBy('t.user_id')
    .execute();
  for (let i = 0; i < without.length; i += 500) {
    const facts = await loadFacts(
      db,
      without.slice(i, i + 500).map((t) => t.user_id),
    );
    await writeStandings(
      db,
      facts.map((f) => standingRow(f.id, evaluate(policy, f, day), day)),
    );
  }
}

const clamp = (date: string, day: string) => (date > day ? day : date);
