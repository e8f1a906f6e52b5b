// Demo data of the institutions' side, on top of the projects' demo (the projects' demo seed, run
// just before): that seed creates demo-institution's classes, places the trainees and enters the
// ended class's scores through applyScores. Here each class of demo-institution gets what it still
// lacks — a published 开班通知 and a 课程安排 — and an ended class gets its attendance and
// anonymous 训后评估 from classmates (李秀英's own form stays open to try). Plain inserts: seeding
// is not an admin's act, so it writes no audit rows.
import type { Executor } from '../context.ts';
import { newCheckinSecret } from '../modules/classes/checkin-code.ts';
import { findClassAny, type ClassRow } from '../modules/classes/classes.repository.ts';
import { chinaToday } from '../modules/classes/view.ts';

const NOTICE = (c: ClassRow) => `各位学员：

${c.project_name}定于 ${c.start_date} 开班。现将有关事项通知如下：

一、报到时间：开班当日 8:00–8:30。
二、报到地点：${c.place || '承培机构另行通知'}。
三、携带材料：身份证、一寸照片两张、笔记本电脑（用于网络研修）。
四、食宿安排：培训期间统一安排食宿，费用由项目经费承担，往返交通费回原单位报销。
五、请各校支持参训教师按时参加培训，确因特殊情况不能参加的，请提前向承培机构说明。

联系人：黄老师，0771-5551234。`;

const ANSWERS: Record<string, number | string>[] = [
  { q1: 5, q2: 5, q3: '案例贴近课堂，希望多安排优秀课例观摩。' },
  { q1: 4, q2: 4, q3: '线上课程可以分段，方便利用课余时间学习。' },
  { q1: 4, q2: 5 },
];

const at = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+08:00`);

export async function seedDemoClasses(db: Executor): Promise<void> {
  const admin = await db
    .selectFrom('users as u')
    .innerJoin('user_roles as r', 'r.user_id', 'u.id')
    .select(['r.institution_id'])
    .where('u.login_name', '=', 'demo-institution')
    .executeTakeFirst();
  if (!admin?.institution_id) return;
  const classes = await db
    .selectFrom('training_classes')
    .select('id')
    .where('institution_id', '=', admin.institution_id)
    .orderBy('id')
    .execute();
  for (const { id } of classes) {
    const c = await findClassAny(db, id);
    if (!c) continue;
    if (!c.notice_title) {
      await db
        .updateTable('training_classes')
        .set({
          notice_title: `关于${c.project_name}开班的通知`,
          notice_body: NOTICE(c),
          notice_published_at: new Date(at(c.start_date, '09:00').getTime() - 10 * 86_400_000),
        })
        .where('id', '=', id)
        .execute();
    }
    if (!(await db.selectFrom('class_sessions').select('id').where('class_id', '=', id).executeTakeFirst())) await schedule(db, c);
    if (c.end_date < chinaToday()) await endedClass(db, c);
  }
}

/** The first and the last day of the training, morning and afternoon. */
async function schedule(db: Executor, c: ClassRow) {
  const rows: [string, string, string, string, string][] = [
    [c.start_date, '08:30', '11:30', '开班仪式与专题讲座', '王建国 教授'],
    [c.start_date, '14:30', '17:30', '案例研讨与分组交流', '陈晓燕 特级教师'],
    [c.end_date, '08:30', '11:30', '成果展示与结业考核', '刘芳 副教授'],
  ];
  await db
    .insertInto('class_sessions')
    .values(
      rows.map(([day, from, to, topic, lecturer]) => ({
        class_id: c.id,
        starts_at: at(day, from),
        ends_at: at(day, to),
        place: '报告厅',
        topic,
        lecturer,
        checkin_secret: newCheckinSecret(),
      })),
    )
    .execute();
}

/** Everyone attended every session; classmates of 李秀英 have answered the evaluation. */
async function endedClass(db: Executor, c: ClassRow) {
  const trainees = await db
    .selectFrom('enrollments as e')
    .innerJoin('users as u', 'u.id', 'e.teacher_id')
    .select(['e.id', 'e.teacher_id', 'e.evaluated', 'u.login_name'])
    .where('e.class_id', '=', c.id)
    .where('e.status', '=', 'assigned')
    .orderBy('e.id')
    .execute();
  const sessions = await db.selectFrom('class_sessions').select(['id', 'starts_at', 'topic']).where('class_id', '=', c.id).execute();
  for (const s of sessions) {
    for (const e of trainees) {
      const when = new Date(s.starts_at.getTime() - 10 * 60_000);
      // no timeline rows: the timeline lists events in the order written, and the scores were written first
      await db
        .insertInto('checkins')
        .values({ session_id: s.id, enrollment_id: e.id, method: 'qr', by_id: e.teacher_id, at: when })
        .onConflict((oc) => oc.columns(['session_id', 'enrollment_id']).doNothing())
        .execute();
    }
  }
  if (!c.evaluation_questions.length) return;
  const known = new Set(c.evaluation_questions.map((q) => q.id));
  for (const [i, e] of trainees
    .filter((t) => t.login_name !== 'demo-teacher' && !t.evaluated)
    .slice(0, ANSWERS.length)
    .entries()) {
    const answers = Object.fromEntries(Object.entries(ANSWERS[i]!).filter(([k]) => known.has(k)));
    await db.updateTable('enrollments').set({ evaluated: true }).where('id', '=', e.id).execute();
    await db
      .insertInto('project_evaluations')
      .values({ project_id: c.project_id, class_id: c.id, answers: JSON.stringify(answers) })
      .execute();
  }
}
