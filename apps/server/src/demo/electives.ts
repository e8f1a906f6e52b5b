// Demo 自主选学: demo-institution's courses approved by the province into the catalogue (free ones, one
// paid, one full), one waiting for approval; 李秀英 (demo-teacher) learning one and having passed another
// (through the real score path: credit entry with source 'elective' + 结业证书). Plain inserts for the
// plan (seeding is no admin's act); the pass goes through applyScores so the ledger and certificate are real.
import type { Actor } from '../access/policy.ts';
import type { Executor, RequestCtx } from '../context.ts';
import { findClassAny } from '../modules/classes/classes.repository.ts';
import { applyScores } from '../modules/classes/scores.service.ts';
import { chinaDay } from '../modules/projects/dates.ts';
import { ago, demoWorld } from './projects-world.ts';

interface Course {
  name: string;
  category: string;
  credits: number;
  hours: number;
  mode: 'online' | 'onsite' | 'blended';
  stages?: string[];
  subjects?: string[];
  capacity?: number;
  priceFen?: number;
  status?: 'published' | 'pending';
  /** learning window, in days from today */
  from: number;
  to: number;
  description: string;
}

const SYLLABUS = '第一单元 理念与政策解读\n第二单元 典型课例分析\n第三单元 实践任务与反思\n结业考核：在线测试（60 分合格）';

// listed newest first in the catalogue: the free ones are inserted last so they lead, the paid one first
const COURSES: Course[] = [
  {
    name: '教师书法与板书设计',
    category: 'self_elective',
    credits: 2,
    hours: 6,
    mode: 'online',
    capacity: 100,
    priceFen: 19900,
    from: 3,
    to: 60,
    description: '硬笔、粉笔字基本功与板书版式设计，含名师示范与作业点评（付费课程）。',
  },
  {
    name: '家校共育沟通艺术',
    category: 'self_elective',
    credits: 1,
    hours: 3,
    mode: 'online',
    capacity: 2,
    from: 5,
    to: 40,
    description: '家长会组织、家访与日常沟通中的常见情境与策略。',
  },
  {
    name: 'STEAM 跨学科项目式学习设计',
    category: 'professional_elective',
    credits: 3,
    hours: 9,
    mode: 'blended',
    status: 'pending',
    from: 20,
    to: 80,
    description: '以真实问题驱动的跨学科项目设计与评价。',
  },
  {
    name: '人工智能赋能课堂教学',
    category: 'professional_elective',
    credits: 3,
    hours: 9,
    mode: 'online',
    from: 7,
    to: 70,
    description: '生成式人工智能在备课、课堂互动与作业反馈中的应用与边界。',
  },
  {
    name: '中小学生心理健康教育专题',
    category: 'self_elective',
    credits: 2,
    hours: 6,
    mode: 'online',
    from: 2,
    to: 50,
    description: '识别学生常见心理困扰，掌握班级心理辅导的基本方法。',
  },
  {
    name: '新课标背景下的大单元教学设计',
    category: 'self_elective',
    credits: 2,
    hours: 6,
    mode: 'online',
    capacity: 200,
    stages: ['小学', '初中'],
    from: -5,
    to: 55,
    description: '依据义务教育课程方案和课程标准（2022 年版），进行大单元整体教学设计。',
  },
];
const PASSED: Course = {
  name: '师德师风专题：做新时代“四有”好老师',
  category: 'self_elective',
  credits: 2,
  hours: 6,
  mode: 'online',
  from: -40,
  to: -5,
  description: '学习新时代中小学教师职业行为十项准则，结合案例研讨师德规范。',
};

export async function seedDemoElectives(db: Executor): Promise<void> {
  const w = await demoWorld(db);
  const provider = await db
    .selectFrom('users as u')
    .innerJoin('user_roles as r', 'r.user_id', 'u.id')
    .innerJoin('institutions as i', 'i.id', 'r.institution_id')
    .select(['u.id', 'u.name', 'i.id as institution_id', 'i.name as institution_name'])
    .where('u.login_name', '=', 'demo-institution')
    .executeTakeFirst();
  if (!w || !provider) return;
  const type = await db
    .selectFrom('project_types')
    .select('id')
    .where('name', '=', '自主选学')
    .where('parent_id', 'is', null)
    .executeTakeFirstOrThrow();
  const organiser = w.province;

  const course = async (c: Course): Promise<{ id: number; classId: number | null }> => {
    const published = (c.status ?? 'published') === 'published';
    const p = await db
      .insertInto('projects')
      .values({
        kind: 'elective',
        name: c.name,
        year: w.year,
        level: 'province',
        organiser_region_code: organiser.code,
        organiser_school_id: null,
        organiser_name: organiser.name,
        type_id: type.id,
        mode: c.mode,
        credit_category: c.category,
        credit_amount_h: c.credits * 100,
        hours_h: c.hours * 100,
        target_stages: c.stages ?? [],
        target_subjects: c.subjects ?? [],
        quota: c.capacity ?? 0,
        start_date: chinaDay(c.from),
        end_date: chinaDay(c.to),
        apply_start: chinaDay(Math.min(c.from, 0) - 10),
        apply_end: chinaDay(Math.max(c.to - 10, 1)),
        onsite_weight: 0,
        online_weight: 100,
        pass_mark: 60,
        min_progress: 100,
        learning_url: 'https://learn.example.org/electives',
        status: published ? 'published' : 'draft',
        published_at: published ? ago(15) : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.insertInto('project_institutions').values({ project_id: p.id, institution_id: provider.institution_id }).execute();
    let classId: number | null = null;
    if (published) {
      if (c.capacity)
        await db
          .insertInto('project_quotas')
          .values({ project_id: p.id, holder: organiser.code, holder_name: organiser.name, parent_id: null, quota: c.capacity })
          .execute();
      classId = (
        await db
          .insertInto('training_classes')
          .values({ project_id: p.id, institution_id: provider.institution_id, name: `${c.name}学习班` })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    }
    await db
      .insertInto('electives')
      .values({
        project_id: p.id,
        provider_institution_id: provider.institution_id,
        provider_name: provider.institution_name,
        review_status: published ? 'published' : 'pending',
        submitted_at: ago(20),
        reviewed_by_name: published ? w.who('demo-province').name : null,
        reviewed_at: published ? ago(15) : null,
        description: c.description,
        syllabus: SYLLABUS,
        capacity: c.capacity ?? null,
        price_fen: c.priceFen ?? 0,
        payer: 'teacher',
        class_id: classId,
        created_by: provider.id,
      })
      .execute();
    return { id: p.id, classId };
  };

  const take = async (e: { id: number; classId: number | null }, teacherId: number, capacity?: number): Promise<number> => {
    if (capacity)
      await db
        .updateTable('project_quotas')
        .set((eb) => ({ used: eb('used', '+', 1) }))
        .where('project_id', '=', e.id)
        .execute();
    const quota = capacity
      ? await db.selectFrom('project_quotas').select('id').where('project_id', '=', e.id).executeTakeFirst()
      : undefined;
    const r = await db
      .insertInto('enrollments')
      .values({
        project_id: e.id,
        teacher_id: teacherId,
        origin: 'self',
        status: 'assigned',
        stage: 'done',
        class_id: e.classId,
        quota_id: quota?.id ?? null,
        created_at: ago(12),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('enrollment_events')
      .values({
        enrollment_id: r.id,
        action: 'applied',
        level: null,
        actor_id: teacherId,
        actor_name: '本人',
        reason: '自主报名',
        at: ago(12),
      })
      .execute();
    return r.id;
  };

  const made = new Map<string, { id: number; classId: number | null }>();
  for (const c of COURSES) made.set(c.name, await course(c));
  // 家校共育沟通艺术 is full: two colleagues of 李秀英 took its two places
  const full = COURSES.find((c) => c.capacity === 2);
  const fullMade = full && made.get(full.name);
  if (full && fullMade) for (const mate of await w.mates(w.school, 2)) await take(fullMade, mate, full.capacity);
  // 李秀英: learning the unit-design course (progress 40 %), passed the ethics one
  const learning = COURSES.at(-1);
  const learningMade = learning && made.get(learning.name);
  if (!learning || !learningMade) return;
  const e1 = await take(learningMade, w.teacher, learning.capacity);
  await db.updateTable('enrollments').set({ progress: 40 }).where('id', '=', e1).execute();
  const passed = await course(PASSED);
  const e2 = await take(passed, w.teacher);
  const cls = passed.classId === null ? undefined : await findClassAny(db, passed.classId);
  if (!cls) return;
  const ctx: RequestCtx = {
    ip: '127.0.0.1',
    requestId: 'demo-seed',
    actor: {
      userId: provider.id,
      name: provider.name,
      role: 'institution_admin',
      roles: ['institution_admin'],
      scope: { institutionId: provider.institution_id },
      sessionId: 0,
      mustChangePassword: false,
      idNumber: null,
    } satisfies Actor,
  };
  await applyScores(db, ctx, cls, [{ enrollmentId: e2, online: 88, progress: 100 }]);
}
