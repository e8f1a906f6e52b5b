// What the API says about a claim: amounts back in the policy's unit, Chinese labels beside the
// codes, the ID number masked, and evidence files as links the server will check again.
import { maskIdNumber, type CreditPolicy } from '@shixun/domain';
import { CLAIM_STATUS_LABELS, REVIEW_LEVEL_LABELS, categoryName, type ClaimStatus, type ReviewLevel } from './claim-types.ts';
import type { ClaimRow } from './credit-claims.repository.ts';
import { visibleText } from '../../files/file-name.ts';

type FileRow = { id: number; claim_id: number; file_name: string; mime: string; size: number };

export function fileView(claimId: number, f: FileRow) {
  return { id: f.id, name: visibleText(f.file_name), mime: f.mime, size: f.size, url: `/api/credit-claims/${claimId}/files/${f.id}` };
}

export function claimView(row: ClaimRow, files: FileRow[], policy: CreditPolicy) {
  const status = row.status as ClaimStatus;
  const level = row.review_level as ReviewLevel;
  return {
    id: row.id,
    claimType: row.claim_type,
    claimTypeName: row.claim_type_name || row.claim_type,
    title: row.title,
    description: row.description,
    year: row.year,
    category: row.category,
    categoryName: categoryName(policy, row.category),
    form: row.form,
    quantity: row.quantity_h / 100,
    unitAmount: row.unit_amount_h / 100,
    amount: row.amount_h / 100,
    reviewLevel: level,
    reviewLevelLabel: REVIEW_LEVEL_LABELS[level] ?? level,
    status,
    statusLabel: CLAIM_STATUS_LABELS[status] ?? status,
    reviewReason: row.review_reason,
    reviewerName: row.reviewer_name,
    entryId: row.entry_id,
    policyVersion: row.policy_version,
    createdAt: row.created_at,
    reviewedAt: row.reviewed_at,
    withdrawnAt: row.withdrawn_at,
    files: files.filter((f) => f.claim_id === row.id).map((f) => fileView(row.id, f)),
    resubmitOf:
      row.resubmit_of !== null
        ? {
            id: row.resubmit_of,
            reviewReason: row.prev_review_reason,
            reviewerName: row.prev_reviewer_name,
            reviewedAt: row.prev_reviewed_at,
          }
        : null,
    resubmittedAs: row.resubmitted_as ?? null,
    canResubmit: status === 'rejected' && row.resubmitted_as == null,
  };
}

/** A reviewer also sees whose claim it is; the ID number only masked. */
export function reviewView(row: ClaimRow, files: FileRow[], policy: CreditPolicy) {
  return {
    ...claimView(row, files, policy),
    teacher: {
      id: row.teacher_id,
      name: row.teacher_name,
      idNumber: maskIdNumber(row.id_number),
      school: row.school_name,
      county: row.county_name,
    },
  };
}
