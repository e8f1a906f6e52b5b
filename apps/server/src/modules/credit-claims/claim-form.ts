// Reads the multipart 学分申报 form: text fields checked by the contract's zod schema, evidence files
// buffered (at most five, each under the evidence size limit) for the content check in evidence.ts.
import { creditClaims } from '@shixun/contracts';
import type { FastifyRequest } from 'fastify';
import type { Config } from '../../config.ts';
import { invalid } from '../../http/errors.ts';
import type { ClaimInput } from './claim-submit.service.ts';
import { MAX_EVIDENCE_FILES, evidenceMaxBytes, tooLarge, type EvidenceUpload } from './evidence.ts';

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
  const parsed = creditClaims.claimForm.safeParse(fields);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw invalid(issue.message, { [String(issue.path[0] ?? 'form')]: issue.message });
  }
  return { input: parsed.data, files };
}
