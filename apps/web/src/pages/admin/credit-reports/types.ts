// Shapes of /api/credit-reports/* (see apps/server/src/modules/credit-reports/credit-reports.service.ts).

export interface ReportBasis {
  scope: { level: 'province' | 'city' | 'county' | 'school'; code: string; name: string; schoolId: number | null };
  policy: { version: number; name: string; unit: '学分' | '学时' };
  cycle: { id: string; name: string; startYear: number; endYear: number; length: number };
  asOf: string;
  categories: { id: string; name: string; requiredPerCycle: number | null }[];
}

export interface ComplianceNumbers {
  teachers: number;
  assessed: number;
  compliant: number;
  completed: number;
  rate: number | null;
  completionRate: number | null;
  byCategory: Record<string, number>;
}

export type GroupBy = 'city' | 'county' | 'school';

export interface ComplianceRow extends ComplianceNumbers {
  code: string;
  /** school id when grouped by school */
  id?: number;
  name: string;
}

export interface ComplianceReport extends ReportBasis {
  groupBy: GroupBy;
  rows: ComplianceRow[];
  totals: ComplianceNumbers;
  stale: number;
  unevaluated: number;
  /** when the numbers were counted: region reports add up per-school counts made at that time */
  countedAt: string;
  /** counted for this request (a school), not from the per-school counts */
  live: boolean;
  /** the per-school counts are being recounted in the background: reload for newer numbers */
  refreshing: boolean;
}

export interface ReportTeacher {
  id: number;
  name: string;
  idNumber: string | null;
  phone: string | null;
  schoolName: string;
  countyName: string;
  personnelStatus: string;
  assessed: boolean;
  notAssessedReason: string | null;
  compliant: boolean | null;
  completed: boolean | null;
  earned: number;
  required: number;
  category: { id: string; earned: number; required: number } | null;
  missing: string[];
  policyVersion: number;
  stale: boolean;
}

export interface TeacherPage extends ReportBasis {
  items: ReportTeacher[];
  total: number;
  page: number;
  pageSize: number;
}

export type EligibilityStatus = 'eligible' | 'ineligible' | 'not_assessed';
export interface EligibilityPage extends TeacherPage {
  status: EligibilityStatus;
  counts: Record<EligibilityStatus, number>;
}

/** Where a report looks: the viewer's scope, narrowed by region or school. */
export interface ScopeParams {
  regionCode?: string;
  schoolId?: string;
}

/** Which teachers a number stands for (the query of /api/credit-reports/teachers). */
export interface TeacherFilter {
  assessed?: 'true' | 'false';
  compliant?: 'true' | 'false';
  completed?: 'true' | 'false';
  category?: string;
}
