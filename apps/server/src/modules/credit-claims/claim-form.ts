// Reads the multipart 学分申报 form: text fields checked by zod, evidence files buffered (at most
// five, each under the evidence size limit) for the content check in evidence.ts.
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Config } from '../../config.ts';
import { invalid } from '../../http/errors.ts';
import type { ClaimInput } from './claim-submit.service.ts';
import { MAX_EVIDENCE_FILES, evidenceMaxBytes, tooLarge, type EvidenceUpload } from './evidence.ts';

const text = (missing: string) => z.string({ error: missing }).trim();

export const claimFields = z.object({
  claimType: text('请选择申报类型').min(1, '请选择申报类型'),
  year: text('请选择年度')
    .regex(/^\d{4}$/, '请选择年度')
    .transform(Number),
  title: text('请填写申报名称').min(1, '请填写申报名称').max(100, '申报名称不能超过 100 个字'),
  quantity: text('请填写数量')
    .regex(/^\d+(\.\d{1,2})?$/, '数量必须是数字，最多保留两位小数')
    .transform(Number)
    .refine((x) => x > 0, '数量必须大于 0')
    .refine((x) => x <= 1000, '数量不能超过 1000'),
  description: z.string().trim().max(1000, '说明不能超过 1000 个字').optional(),
});

export async function readClaimForm(req: FastifyRequest, config: Config): Promise<{ input: ClaimInput; files: EvidenceUpload[] }> {
  if (!req.isMultipart()) throw invalid('请以表单方式提交申报，并附上证明材料');
  const fields: Record<string, string> = {};
  const files: EvidenceUpload[] = [];
  try {
    const parts = req.parts({
      limits: { files: MAX_EVIDENCE_FILES, fileSize: evidenceMaxBytes(config), fields: 20, fieldSize: 8 * 1024, parts: 30 },
    });
    for await (const part of parts) {
      if (part.type === 'file') files.push({ fileName: part.filename, data: await part.toBuffer() });
      else fields[part.fieldname] = String(part.value);
    }
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(config);
    if (code === 'FST_FILES_LIMIT') throw invalid(`证明材料最多上传 ${MAX_EVIDENCE_FILES} 个`, { files: '文件过多' });
    if (code === 'FST_FIELDS_LIMIT' || code === 'FST_PARTS_LIMIT') throw invalid('表单内容过多，请检查后重新提交');
    throw e;
  }
  const parsed = claimFields.safeParse(fields);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw invalid(issue.message, { [String(issue.path[0] ?? 'form')]: issue.message });
  }
  return { input: parsed.data, files };
}
