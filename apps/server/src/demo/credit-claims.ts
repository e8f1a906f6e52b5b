// Demo 学分申报 for demo-teacher (李秀英): one waiting in demo-county's queue, one approved (with its
// ledger entry) and one rejected with a reason. Their evidence files are rendered on first use
// (materializeDemoEvidence).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { newPdf, registerCjkFonts } from '../pdf/document.ts';
import { sql } from 'kysely';
import type { Deps, Executor, RequestCtx } from '../context.ts';
import { postCreditEntry } from '../modules/credits/ledger.ts';
import { activePolicy } from '../modules/credits/policy.store.ts';
import { today } from '../modules/credits/standing.ts';
import { claimAmountH, toH, type ReviewLevel } from '../modules/credit-claims/claim-types.ts';
import { setClaimFileSize } from '../modules/credit-claims/credit-claims.repository.ts';

const DEMO_FILE = /^claim-\d+-demo-\d+\.pdf$/;

interface DemoClaim {
  type: string;
  year: number;
  title: string;
  quantity: number;
  description: string;
  outcome: 'pending' | 'approved' | 'rejected';
  reason?: string;
}

export async function seedDemoClaims(db: Executor): Promise<void> {
  const teacher = await db.selectFrom('users').select('id').where('login_name', '=', 'demo-teacher').executeTakeFirst();
  const county = await db
    .selectFrom('users as u')
    .innerJoin('user_roles as r', 'r.user_id', 'u.id')
    .select(['u.id', 'u.name', 'r.region_code'])
    .where('u.login_name', '=', 'demo-county')
    .executeTakeFirst();
  if (!teacher || !county) return;
  const unit = await db
    .selectFrom('regions as r')
    .leftJoin('regions as p', 'p.code', 'r.parent_code')
    .select(['r.name', 'p.name as parent'])
    .where('r.code', '=', county.region_code ?? '')
    .executeTakeFirst();
  const { version, policy } = await activePolicy(db);
  const year = Number(today().slice(0, 4));
  const claims: DemoClaim[] = [
    {
      type: 'paper',
      year,
      title: '《小学语文整本书阅读的提问策略》发表于《广西教育》',
      quantity: 1,
      outcome: 'pending',
      description: `${year} 年第 9 期，独立作者。`,
    },
    {
      type: 'giving_training',
      year,
      title: '兴宁区小学语文骨干教师培训授课（两次）',
      quantity: 2,
      outcome: 'approved',
      description: '主讲“阅读教学中的提问设计”，每次半天。',
    },
    {
      type: 'research',
      year: year - 1,
      title: '市级课题《农村小学阅读习惯培养研究》结题',
      quantity: 1,
      outcome: 'rejected',
      description: '课题组第二主持人。',
      reason: '结题证书为复印件且未加盖公章，请补充盖章后的结题证书再重新申报。',
    },
  ];
  const ctx: RequestCtx = { ip: '127.0.0.1', requestId: 'demo-seed' };
  for (const [i, c] of claims.entries()) {
    const t = policy.claimTypes.find((x) => x.id === c.type);
    if (!t || t.reviewLevel !== 'county') continue; // another policy's table: nothing to show
    const amountH = claimAmountH(toH(c.quantity), t.amount);
    const decided = c.outcome !== 'pending';
    const row = await db
      .insertInto('credit_claims')
      .values({
        teacher_id: teacher.id,
        claim_type: t.id,
        claim_type_name: t.name,
        title: c.title,
        year: c.year,
        category: t.category,
        form: t.form,
        quantity_h: toH(c.quantity),
        unit_amount_h: toH(t.amount),
        amount_h: amountH,
        description: c.description,
        review_level: t.reviewLevel,
        policy_version: version,
        status: c.outcome,
        review_reason: c.reason ?? null,
        reviewer_id: decided ? county.id : null,
        reviewed_at: decided ? sql`now()` : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('credit_claim_files')
      .values({
        claim_id: row.id,
        file_name: `${t.evidence ?? '证明材料'}.pdf`,
        stored_name: `claim-${teacher.id}-demo-${i + 1}.pdf`,
        mime: 'application/pdf',
        size: 0, // set when the file is rendered
      })
      .execute();
    if (c.outcome === 'approved') {
      const entry = await postCreditEntry(db, ctx, {
        teacherId: teacher.id,
        date: today(),
        year: c.year,
        category: t.category,
        form: t.form,
        amount: amountH / 100,
        title: `${t.name}：${c.title}`,
        source: 'claim',
        sourceId: String(row.id),
        sourceKey: `claim:${row.id}`,
        level: t.reviewLevel as ReviewLevel,
        certifier: { id: county.id, name: county.name, unit: unit ? `${unit.parent ?? ''}${unit.name}` : county.name },
      });
      await db.updateTable('credit_claims').set({ entry_id: entry.id }).where('id', '=', row.id).execute();
    }
  }
}

/** A one-page PDF standing in for a scanned certificate. */
function demoEvidencePdf(fontPath: string, what: string): Promise<Buffer> {
  const { doc, done } = newPdf({ size: 'A5', margin: 48, info: { Title: '证明材料（演示）' } });
  if (existsSync(fontPath)) {
    registerCjkFonts(doc, fontPath);
    doc.font('cjk').fontSize(18).text('证明材料（演示数据）', { align: 'center' }).moveDown();
    doc.fontSize(12).text(what).moveDown().fillColor('#8c8c8c').text('此文件由演示数据生成，仅用于展示学分申报的审核流程。');
  } else {
    doc.fontSize(18).text('Evidence (demo data)', { align: 'center' });
  }
  doc.end();
  return done;
}

/**
 * The file behind a demo claim's evidence row, written into this deployment's upload directory the
 * first time someone opens it (the seed runs before the upload directory is known, and rendering a
 * Chinese PDF at every start would slow every test server down).
 */
export async function materializeDemoEvidence(deps: Deps, storedName: string, fileName: string): Promise<string | null> {
  if (!DEMO_FILE.test(storedName)) return null;
  const target = path.join(deps.config.uploadDir, storedName);
  if (!existsSync(target)) {
    const pdf = await demoEvidencePdf(deps.config.pdfFont, fileName.replace(/\.pdf$/, ''));
    mkdirSync(deps.config.uploadDir, { recursive: true });
    writeFileSync(target, pdf, { mode: 0o600 });
    await setClaimFileSize(deps.db, storedName, pdf.length);
  }
  return target;
}
