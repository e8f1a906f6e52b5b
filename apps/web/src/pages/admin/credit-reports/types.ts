// Shapes of /api/credit-reports/*, derived from the contracts (packages/contracts/src/credit-reports.ts).
import type { creditReports, QueryOf, ResponseOf } from '@shixun/contracts';

export type ComplianceReport = ResponseOf<typeof creditReports.compliance>;
export type ComplianceRow = ComplianceReport['rows'][number];
export type ComplianceNumbers = ComplianceReport['totals'];
export type ReportBasis = Pick<ComplianceReport, 'scope' | 'policy' | 'cycle' | 'asOf' | 'categories'>;
export type CyclePhase = ComplianceReport['cycle']['phase'];
export type GroupBy = ComplianceReport['groupBy'];

type TeacherPage = ResponseOf<typeof creditReports.teachers>;
export type ReportTeacher = TeacherPage['items'][number];

type EligibilityPage = ResponseOf<typeof creditReports.eligibility>;
export type EligibilityStatus = EligibilityPage['status'];
export type RegistrationTeacher = EligibilityPage['items'][number];

type TeachersQuery = NonNullable<QueryOf<typeof creditReports.teachers>>;
/** Where a report looks: the viewer's scope, narrowed by region or school. */
export type ScopeParams = Pick<TeachersQuery, 'regionCode'> & { schoolId?: string };
/** The report's scope and the cycle it is read for (by default the last finished one). */
export type ReportParams = ScopeParams & Pick<TeachersQuery, 'cycleId'>;
/** Which teachers a number stands for (the query of /api/credit-reports/teachers). */
export type TeacherFilter = Pick<TeachersQuery, 'assessed' | 'compliant' | 'completed' | 'category'>;
