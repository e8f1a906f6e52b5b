// Approved 学分申报 of past years for the 十四五 history (./history.ts): the claim rows, and the ledger
// entries the caller posts with the rest of the history.
import type { Executor } from '../context.ts';
import { claimAmountH, toH } from '../modules/credit-claims/claim-types.ts';
import type { NewCreditEntry } from '../modules/credits/ledger.ts';
import { activePolicy } from '../modules/credits/policy.store.ts';
import type { TeacherHistory } from './history-plan.ts';
import type { Row } from './history.ts';

/** A few approved 学分申报 of past years in demo-county (a paper, a research project), reviewed by demo-county. */
export async function historyClaims(db: Executor, teachers: Row[], plans: Map<number, TeacherHistory>, county: string) {
  const entries: NewCreditEntry[] = [];
  const links: [number, number][] = [];
  const { version, policy } = await activePolicy(db);
  const reviewer = await db
    .selectFrom('users as u')
    .innerJoin('user_roles as r', 'r.user_id', 'u.id')
    .select(['u.id', 'u.name'])
    .where('u.login_name', '=', 'demo-county')
    .executeTakeFirst();
  if (!reviewer) return { entries, links };
  const picks = teachers.filter((t) => t.county === county && plans.get(t.id)?.profile === 'compliant').slice(2, 6);
  const titles: Record<string, string> = {
    paper: '《农村小学课堂提问的有效性研究》发表于《广西教育》',
    research: '市级课题《小学作业设计与评价研究》结题',
  };
  for (const [i, t] of picks.entries()) {
    const type = policy.claimTypes.find((x) => x.id === (i % 2 ? 'research' : 'paper'));
    if (!type) continue;
    const year = 2022 + (i % 3);
    const row = await db
      .insertInto('credit_claims')
      .values({
        teacher_id: t.id,
        claim_type: type.id,
        claim_type_name: type.name,
        title: titles[type.id]!,
        year,
        category: type.category,
        form: type.form,
        quantity_h: toH(1),
        unit_amount_h: toH(type.amount),
        amount_h: claimAmountH(toH(1), type.amount),
        description: '第一作者。',
        review_level: type.reviewLevel,
        policy_version: version,
        status: 'approved',
        review_reason: null,
        reviewer_id: reviewer.id,
        reviewed_at: new Date(`${year}-11-05T10:00:00+08:00`),
        created_at: new Date(`${year}-10-20T10:00:00+08:00`),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    links.push([row.id, entries.length]);
    entries.push({
      teacherId: t.id,
      date: `${year}-11-05`,
      year,
      category: type.category,
      form: type.form,
      amount: type.amount,
      title: `${type.name}：${titles[type.id]}`,
      source: 'claim',
      sourceId: String(row.id),
      sourceKey: `claim:${row.id}`,
      level: 'county',
      certifier: { id: reviewer.id, name: reviewer.name, unit: reviewer.name },
    });
  }
  return { entries, links };
}
