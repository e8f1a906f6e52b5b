// 审计日志's export in the scope matrix (the list and the chain check are in the core table): the audit
// admin only; the log has no region scope. The filters and the export's content: audit-log.test.ts.
import type { MatrixPart } from './types.ts';

export const part: MatrixPart = {
  entries: {
    'GET /api/audit/export.xlsx': { allow: ['audit_admin'] },
  },
};
