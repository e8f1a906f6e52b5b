// Demo training projects in every state, quotas split down to demo-school, and every tab of 我的专项培训
// filled for 李秀英 (demo-teacher) and 王伟 (demo-teacher2): 进行中, 未开始, 已结束 (scored through the real
// score path: 合格 → credits + 结业证书), 审核中 (waiting at demo-county), 未通过; one more open for 去申报.
import { randomBytes } from 'node:crypto';
import type { Actor } from '../access/policy.ts';
import type { Executor, RequestCtx } from '../context.ts';
import { findClassAny } from '../modules/classes/classes.repository.ts';
import { applyScores } from '../modules/classes/scores.service.ts';
import { chinaDay } from '../modules/projects/dates.ts';
import { schoolHolder } from '../modules/org/org.ts';
import { ago, demoWorld, type Step } from './projects-world.ts'; // accounts, places, insert helpers

export async function seedDemoProjects(db: Executor): Promise<void> {
  const w = await demoWorld(db);
  if (!w) return;
  const { who, province, city, city2, county, county2, school, teacher, teacher2, inst, type, names, matesOf, mates, year, bureau } = w;
  const { P, C, K, S, K2, S2, C2, T, T2, project, split, enrol, selectedUpTo, school1Name } = w;

  // 进行中: a province project running now, trainees assigned to demo-institution's class, with check-ins
  const p1 = await project(
    {
      name: `${year}年中小学教师信息技术应用能力提升工程2.0培训`,
      year,
      level: 'province',
      type_id: type('能力提升'),
      sub_type_id: type('(中小学)中小学教师信息技术应用能力培训', '能力提升'),
      mode: 'blended',
      funding: '省级财政专项经费',
      credit_category: 'public_required',
      credit_amount_h: 2000,
      hours_h: 6000,
      quota: 200,
      place: '南宁师范大学明秀校区',
      start_date: chinaDay(-3),
      end_date: chinaDay(12),
      status: 'published',
      institutions: [inst[0]!.id],
      learning_url: 'https://learning.example.com/ntc2/course',
      onsite_weight: 40,
      online_weight: 60,
    },
    { region: province.code, name: bureau },
  );
  const p1city = await split(p1.id, p1.root, city, names.get(city)!, 40),
    p1county = await split(p1.id, p1city, county, names.get(county)!, 10);
  await split(p1.id, p1county, schoolHolder(school), school1Name, 4);
  const p1city2 = await split(p1.id, p1.root, city2, names.get(city2)!, 40),
    p1county2 = await split(p1.id, p1city2, county2, names.get(county2)!, 10);
  const cls1 = (
    await db
      .insertInto('training_classes')
      .values({
        project_id: p1.id,
        institution_id: inst[0]!.id,
        name: '一班',
        notice_title: `关于${year}年信息技术应用能力提升工程2.0培训开班的通知`,
        notice_body: `各位学员：\n\n本期培训定于 ${chinaDay(-3)} 在南宁师范大学明秀校区开班，请于当日 8:30 前到一楼大厅报到，携带身份证和笔记本电脑。\n\n联系人：黄老师，0771-5551234。`,
        notice_published_at: ago(10),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const assigned = (d: number): Step => ['assigned', 'province', P, d, `${inst[0]!.name} · 一班`];
  const p1ids: number[] = [];
  for (const t of [teacher, ...(await mates(school, 3))]) {
    p1ids.push(
      await enrol(p1.id, t, { origin: 'selected', status: 'assigned', stage: 'done', quota: p1county, classId: cls1 }, [
        ...selectedUpTo('province', 30),
        assigned(20),
      ]),
    );
  }
  await enrol(p1.id, teacher2, { origin: 'selected', status: 'assigned', stage: 'done', quota: p1county2, classId: cls1 }, [
    ...selectedUpTo('province', 30, { k: K2, c: C2 }),
    assigned(20),
  ]);
  const sessions = await db
    .insertInto('class_sessions')
    .values(
      [
        [-3, '08:30', '11:30', '开班仪式与专题讲座'],
        [-1, '14:30', '17:30', '信息化教学设计工作坊'],
        [2, '08:30', '11:30', '成果展示与研讨'],
      ].map(([d, from, to, topic]) => ({
        class_id: cls1,
        starts_at: new Date(`${chinaDay(d as number)}T${from}:00+08:00`),
        ends_at: new Date(`${chinaDay(d as number)}T${to}:00+08:00`),
        place: '报告厅',
        topic: topic as string,
        lecturer: '特邀专家',
        checkin_secret: randomBytes(32).toString('base64url'),
      })),
    )
    .returning(['id', 'starts_at', 'topic'])
    .execute();
  await db
    .insertInto('checkins')
    .values({
      session_id: sessions[0]!.id,
      enrollment_id: p1ids[0]!,
      method: 'qr',
      by_id: teacher,
      at: new Date(sessions[0]!.starts_at.getTime() - 600_000),
    })
    .execute();
  await db
    .insertInto('enrollment_events')
    .values({
      enrollment_id: p1ids[0]!,
      action: 'checked_in',
      level: null,
      actor_id: teacher,
      actor_name: T.name,
      reason: `扫码签到：${sessions[0]!.topic}`,
      at: sessions[0]!.starts_at,
    })
    .execute();

  // 未开始: a national project approved by every level, not yet placed in a class; one more waits at the city
  const p2 = await project(
    {
      name: `${year}年国培计划—中西部项目小学语文骨干教师培训`,
      year,
      level: 'national',
      type_id: type('国培'),
      sub_type_id: type('中西部项目', '国培'),
      mode: 'onsite',
      funding: '中央财政专项经费',
      credit_category: 'professional_elective',
      credit_amount_h: 400,
      hours_h: 4000,
      quota: 60,
      target_stages: ['小学'],
      target_subjects: ['语文'],
      place: '广西师范大学育才校区',
      start_date: chinaDay(25),
      end_date: chinaDay(31),
      status: 'published',
      institutions: inst.map((i) => i.id),
    },
    { region: province.code, name: bureau },
  );
  const p2city = await split(p2.id, p2.root, city, names.get(city)!, 10),
    p2county = await split(p2.id, p2city, county, names.get(county)!, 3);
  await enrol(p2.id, teacher, { origin: 'selected', status: 'approved', stage: 'done', quota: p2county }, selectedUpTo('province', 12));
  for (const t of await mates(school, 1))
    await enrol(p2.id, t, { origin: 'selected', status: 'reviewing', stage: 'city', quota: p2county }, [
      ['selected', 'county', K, 3],
      ['submitted', 'county', K, 3],
    ]);
  const p2county2 = await split(p2.id, await split(p2.id, p2.root, city2, names.get(city2)!, 10), county2, names.get(county2)!, 3);
  await enrol(
    p2.id,
    teacher2,
    { origin: 'selected', status: 'approved', stage: 'done', quota: p2county2 },
    selectedUpTo('province', 12, { k: K2, c: C2 }),
  );

  // 已结束: a city project that ended; scores go through the institutions' score path (合格 → credits + 结业证书)
  const p3 = await project(
    {
      name: `${chinaDay(-50).slice(0, 4)}年${names.get(city)}中小学班主任工作能力提升培训`,
      year: Number(chinaDay(-50).slice(0, 4)),
      level: 'city',
      type_id: type('市培'),
      mode: 'onsite',
      funding: '市级财政经费',
      credit_category: 'public_required',
      credit_amount_h: 300,
      hours_h: 2400,
      quota: 30,
      place: `${names.get(city)}教育局培训中心`,
      start_date: chinaDay(-50),
      end_date: chinaDay(-46),
      status: 'published',
      institutions: [inst[0]!.id],
      onsite_weight: 60,
      online_weight: 40,
    },
    { region: city, name: `${names.get(city)}教育局` },
  );
  const p3county = await split(p3.id, p3.root, county, names.get(county)!, 5);
  const cls3 = (
    await db
      .insertInto('training_classes')
      .values({ project_id: p3.id, institution_id: inst[0]!.id, name: '班主任一班' })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const p3trainees = [teacher, ...(await mates(school, 2))];
  const p3ids: number[] = [];
  for (const t of p3trainees) {
    p3ids.push(
      await enrol(p3.id, t, { origin: 'selected', status: 'assigned', stage: 'done', quota: p3county, classId: cls3 }, [
        ...selectedUpTo('city', 70),
        ['assigned', 'city', C, 62, `${inst[0]!.name} · 班主任一班`],
      ]),
    );
  }
  const instAdmin = who('demo-institution');
  const ctx: RequestCtx = {
    ip: '127.0.0.1',
    requestId: 'demo-seed',
    actor: {
      userId: instAdmin.id,
      name: instAdmin.name,
      role: 'institution_admin',
      roles: ['institution_admin'],
      scope: { institutionId: instAdmin.institution_id! },
      sessionId: 0,
      mustChangePassword: false,
      idNumber: null,
    } satisfies Actor,
  };
  await applyScores(
    db,
    ctx,
    (await findClassAny(db, cls3))!,
    p3ids.map((id, i) => ({ enrollmentId: id, onsite: [86, 78, 50][i]!, online: [92, 81, 55][i]! })),
  );
  const p3b = await project(
    {
      name: `${chinaDay(-50).slice(0, 4)}年${names.get(city2)}中小学班主任工作能力提升培训`,
      year: Number(chinaDay(-50).slice(0, 4)),
      level: 'city',
      type_id: type('市培'),
      mode: 'onsite',
      funding: '市级财政经费',
      credit_category: 'public_required',
      credit_amount_h: 300,
      hours_h: 2400,
      quota: 30,
      place: `${names.get(city2)}教育局培训中心`,
      start_date: chinaDay(-50),
      end_date: chinaDay(-46),
      status: 'published',
      institutions: [inst[0]!.id],
      onsite_weight: 60,
      online_weight: 40,
    },
    { region: city2, name: `${names.get(city2)}教育局` },
  );
  const cls3b = (
    await db
      .insertInto('training_classes')
      .values({ project_id: p3b.id, institution_id: inst[0]!.id, name: '班主任二班' })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  const p3bId = await enrol(
    p3b.id,
    teacher2,
    {
      origin: 'selected',
      status: 'assigned',
      stage: 'done',
      quota: await split(p3b.id, p3b.root, county2, names.get(county2)!, 5),
      classId: cls3b,
    },
    [...selectedUpTo('city', 70, { k: K2, c: C2 }), ['assigned', 'city', C2, 62, `${inst[0]!.name} · 班主任二班`]],
  );
  await applyScores(db, ctx, (await findClassAny(db, cls3b))!, [{ enrollmentId: p3bId, onsite: 88, online: 84 }]);

  // 审核中: a county project open for 去申报; applications approved by the school wait at demo-county
  const p4 = await project(
    {
      name: `${names.get(county)}义务教育新课标解读培训`,
      year,
      level: 'county',
      type_id: type('全员培训'),
      sub_type_id: type('新课标解读培训', '全员培训'),
      mode: 'online',
      funding: '区县教师培训经费',
      credit_category: 'public_required',
      credit_amount_h: 200,
      hours_h: 1600,
      quota: 20,
      target_stages: ['小学', '初中'],
      start_date: chinaDay(15),
      end_date: chinaDay(20),
      status: 'published',
      institutions: [inst[1]!.id],
      allow_application: true,
      apply_start: chinaDay(-5),
      apply_end: chinaDay(10),
      learning_url: 'https://learning.example.com/county/xinkebiao',
    },
    { region: county, name: `${names.get(county)}教育局` },
  );
  const p4school = await split(p4.id, p4.root, schoolHolder(school), school1Name, 5);
  for (const [i, t] of [T, ...(await matesOf(school, 2))].entries()) {
    await enrol(p4.id, t.id, { origin: 'applied', status: 'reviewing', stage: 'county', quota: p4school }, [
      ['applied', null, t, 4 - i * 0.1],
      ['submitted', 'school', S, 2 - i * 0.1],
    ]);
  }

  // 未通过: a province project the county returned with a reason (the place went back); 王伟 waits at demo-county2
  const p5 = await project(
    {
      name: `${year}年中小学教师师德师风专题培训`,
      year,
      level: 'province',
      type_id: type('全员培训'),
      sub_type_id: type('师德师风专题培训', '全员培训'),
      mode: 'online',
      funding: '省级财政经费',
      credit_category: 'public_required',
      credit_amount_h: 200,
      hours_h: 1200,
      quota: 500,
      start_date: chinaDay(8),
      end_date: chinaDay(12),
      status: 'published',
      institutions: [inst[1]!.id],
      allow_application: true,
      apply_start: chinaDay(-10),
      apply_end: chinaDay(5),
      learning_url: 'https://learning.example.com/shide',
    },
    { region: province.code, name: bureau },
  );
  await enrol(p5.id, teacher, { origin: 'applied', status: 'returned', stage: 'county', quota: null }, [
    ['applied', null, T, 9],
    ['submitted', 'school', S, 8],
    ['returned', 'county', K, 6, '本年度已参加区级师德专题培训，名额优先安排未参训教师'],
  ]);
  await enrol(p5.id, teacher2, { origin: 'applied', status: 'reviewing', stage: 'county', quota: p5.root }, [
    ['applied', null, T2, 3],
    ['submitted', 'school', S2, 2],
  ]);

  // open for 去申报 (李秀英 teaches 小学语文), a draft, a closed project; 王伟's application to it was returned
  const p6 = await project(
    {
      name: `${year}年小学语文新课标专题网络研修`,
      year,
      level: 'province',
      type_id: type('全员培训'),
      sub_type_id: type('新课标解读培训', '全员培训'),
      mode: 'online',
      funding: '省级财政经费',
      credit_category: 'self_elective',
      credit_amount_h: 300,
      hours_h: 3000,
      quota: 300,
      target_stages: ['小学'],
      target_subjects: ['语文'],
      start_date: chinaDay(30),
      end_date: chinaDay(60),
      status: 'published',
      institutions: [inst[1]!.id],
      allow_application: true,
      apply_start: chinaDay(-2),
      apply_end: chinaDay(20),
      learning_url: 'https://learning.example.com/yuwen',
    },
    { region: province.code, name: bureau },
  );
  await enrol(p6.id, teacher2, { origin: 'applied', status: 'returned', stage: 'county', quota: null }, [
    ['applied', null, T2, 5],
    ['submitted', 'school', S2, 4],
    ['returned', 'county', K2, 3, '任教学科与项目要求（小学语文）不符'],
  ]);
  await project(
    {
      name: `${year + 1}年乡村教师访名校跟岗研修`,
      year: year + 1,
      level: 'province',
      type_id: type('省培'),
      mode: 'onsite',
      credit_category: 'professional_elective',
      credit_amount_h: 600,
      quota: 100,
      start_date: `${year + 1}-04-10`,
      end_date: `${year + 1}-04-20`,
      status: 'draft',
      institutions: [],
    },
    { region: province.code, name: bureau },
  );
  await project(
    {
      name: `${year - 1}年${names.get(city)}教研员专题培训`,
      year: year - 1,
      level: 'city',
      type_id: type('市培'),
      mode: 'onsite',
      credit_category: 'professional_elective',
      credit_amount_h: 300,
      quota: 40,
      place: `${names.get(city)}教育局培训中心`,
      start_date: `${year - 1}-10-12`,
      end_date: `${year - 1}-10-15`,
      status: 'closed',
      institutions: [inst[0]!.id],
    },
    { region: city, name: `${names.get(city)}教育局` },
  );
}
