// The demo world the demo projects are built on (see ./projects.ts): the demo accounts and places,
// and helpers that insert a project with its root quota row, split a quota down, and enrol a
// teacher with a timeline — plain inserts inside the demo transaction, counters kept consistent.
import type { Insertable } from 'kysely';
import type { Executor } from '../context.ts';
import type { ProjectLevel, ProjectTable } from '../db/types.ts';
import type { EventAction } from '../modules/enrollments/events.ts';
import { chinaDay } from '../modules/projects/dates.ts';
import { schoolHolder } from '../modules/org/org.ts';

type Who = { id: number | null; name: string };
export type Step = [action: EventAction, level: string | null, who: Who, daysAgo: number, reason?: string];
export const ago = (days: number) => new Date(Date.now() - days * 86_400_000);
const QUESTIONS = JSON.stringify([
  { id: 'q1', text: '培训内容的实用性', kind: 'rating' },
  { id: 'q2', text: '授课教师的教学水平', kind: 'rating' },
  { id: 'q3', text: '您对本次培训的意见和建议', kind: 'text' },
]);

/** null when the demo accounts are not there (nothing to build on). */
export async function demoWorld(db: Executor) {
  const users = await db
    .selectFrom('users as u')
    .leftJoin('user_roles as r', 'r.user_id', 'u.id')
    .select(['u.id', 'u.name', 'u.login_name', 'r.region_code', 'r.school_id', 'r.institution_id'])
    .where('u.login_name', 'like', 'demo-%')
    .execute();
  const who = (login: string) => users.find((u) => u.login_name === login)!;
  if (!users.length || !who('demo-teacher')) return null;
  const province = await db.selectFrom('regions').select(['code', 'name']).where('level', '=', 'province').executeTakeFirstOrThrow();
  const [city, city2, county, county2] = ['demo-city', 'demo-city2', 'demo-county', 'demo-county2'].map((l) => who(l).region_code!);
  const school = who('demo-school').school_id!;
  const teacher = who('demo-teacher').id,
    teacher2 = who('demo-teacher2').id;
  const inst = await db.selectFrom('institutions').select(['id', 'name']).orderBy('code').execute();
  const types = await db
    .selectFrom('project_types as t')
    .leftJoin('project_types as p', 'p.id', 't.parent_id')
    .select(['t.id', 't.name', 'p.name as parent'])
    .execute();
  const type = (name: string, parent: string | null = null) => types.find((t) => t.name === name && t.parent === parent)!.id;
  const names = new Map(
    (await db.selectFrom('regions').select(['code', 'name']).where('code', 'in', [city, city2, county, county2]).execute()).map((r) => [
      r.code,
      r.name,
    ]),
  );
  const schoolName = async (id: number) =>
    (await db.selectFrom('schools').select('name').where('id', '=', id).executeTakeFirstOrThrow()).name;
  const matesOf = (schoolId: number, n: number) =>
    db
      .selectFrom('teachers as t')
      .innerJoin('users as u', 'u.id', 't.user_id')
      .select(['u.id', 'u.name'])
      .where('t.school_id', '=', schoolId)
      .where('u.login_name', 'is', null)
      .where('u.status', '=', 'active')
      .orderBy('u.id')
      .limit(n)
      .execute();
  const mates = async (schoolId: number, n: number) => (await matesOf(schoolId, n)).map((r) => r.id);
  const year = Number(chinaDay().slice(0, 4));
  const bureau = `${province.name.replace(/(壮族|回族|维吾尔)?自治区$|省$/, '')}教育厅`;
  const P = { id: null, name: bureau },
    C = { id: who('demo-city').id, name: who('demo-city').name },
    K = { id: who('demo-county').id, name: who('demo-county').name };
  const S = { id: who('demo-school').id, name: who('demo-school').name };
  const K2 = { id: who('demo-county2').id, name: who('demo-county2').name },
    S2 = { id: who('demo-school2').id, name: who('demo-school2').name };
  const C2 = { id: who('demo-city2').id, name: who('demo-city2').name };
  const T = { id: teacher, name: who('demo-teacher').name },
    T2 = { id: teacher2, name: who('demo-teacher2').name };
  const base = {
    funding: '',
    credit_amount_h: 0,
    hours_h: 0,
    target_stages: [] as string[],
    target_subjects: [] as string[],
    target_region_codes: [] as string[],
    place: '',
    allow_application: false,
    apply_start: null,
    apply_end: null,
    onsite_weight: 50,
    online_weight: 50,
    pass_mark: 60,
    learning_url: null as string | null,
    evaluation_questions: QUESTIONS,
    sub_type_id: null as number | null,
  };
  type Def = Omit<Partial<Insertable<ProjectTable>>, 'evaluation_questions'> & {
    name: string;
    year: number;
    level: ProjectLevel;
    type_id: number;
    mode: 'onsite' | 'online' | 'blended' | 'school_based';
    credit_category: string;
    quota: number;
    start_date: string;
    end_date: string;
    status: 'draft' | 'published' | 'closed';
    institutions: number[];
  };

  const project = async (d: Def, organiser: { region?: string; school?: number; name: string }) => {
    const { institutions, ...cols } = d;
    const row = await db
      .insertInto('projects')
      .values({
        ...base,
        ...cols,
        organiser_region_code: organiser.region ?? null,
        organiser_school_id: organiser.school ?? null,
        organiser_name: organiser.name,
        created_by: null,
        published_at: d.published_at ?? (d.status === 'draft' ? null : ago(40)),
        closed_at: d.closed_at ?? (d.status === 'closed' ? ago(200) : null),
      } as never)
      .returning('id')
      .executeTakeFirstOrThrow();
    if (institutions.length)
      await db
        .insertInto('project_institutions')
        .values(institutions.map((i) => ({ project_id: row.id, institution_id: i })))
        .execute();
    const root =
      d.status === 'draft'
        ? 0
        : (
            await db
              .insertInto('project_quotas')
              .values({
                project_id: row.id,
                holder: organiser.region ?? schoolHolder(organiser.school!),
                holder_name: organiser.name,
                quota: d.quota,
              })
              .returning('id')
              .executeTakeFirstOrThrow()
          ).id;
    return { id: row.id, root };
  };
  const split = async (projectId: number, parent: number, holder: string, name: string, quota: number) => {
    await db
      .updateTable('project_quotas')
      .set((eb) => ({ granted_below: eb('granted_below', '+', quota) }))
      .where('id', '=', parent)
      .execute();
    return (
      await db
        .insertInto('project_quotas')
        .values({ project_id: projectId, holder, holder_name: name, parent_id: parent, quota })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  };
  const enrol = async (
    projectId: number,
    teacherId: number,
    e: {
      origin: 'selected' | 'applied';
      status: 'reviewing' | 'returned' | 'approved' | 'assigned';
      stage: string;
      quota: number | null;
      classId?: number;
    },
    steps: Step[],
  ) => {
    if (e.quota)
      await db
        .updateTable('project_quotas')
        .set((eb) => ({ used: eb('used', '+', 1) }))
        .where('id', '=', e.quota)
        .execute();
    const row = await db
      .insertInto('enrollments')
      .values({
        project_id: projectId,
        teacher_id: teacherId,
        origin: e.origin,
        status: e.status,
        stage: e.stage as 'done',
        quota_id: e.quota,
        class_id: e.classId ?? null,
        version: steps.length,
        created_at: ago(steps[0]![3]),
        updated_at: ago(steps.at(-1)![3]),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('enrollment_events')
      .values(
        steps.map(([action, level, w, days, reason]) => ({
          enrollment_id: row.id,
          action,
          level,
          actor_id: w.id,
          actor_name: w.name,
          reason: reason ?? null,
          at: ago(days),
        })),
      )
      .execute();
    return row.id;
  };
  const selectedUpTo = (top: 'city' | 'province', d: number, by = { k: K, c: C }): Step[] => [
    ['selected', 'county', by.k, d],
    ['submitted', 'county', by.k, d],
    ...(top === 'province'
      ? [['submitted', 'city', by.c, d - 2] as Step, ['approved', 'province', P, d - 4] as Step]
      : [['approved', 'city', by.c, d - 2] as Step]),
  ];
  const school1Name = await schoolName(school);
  return {
    ...{ who, province, city, city2, county, county2, school, teacher, teacher2, inst, type, names, matesOf, mates, year, bureau },
    ...{ P, C, K, S, K2, S2, C2, T, T2, project, split, enrol, selectedUpTo, school1Name },
  };
}
