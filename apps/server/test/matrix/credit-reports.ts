// Scope-matrix entries of 学分达标统计 (credit-reports) and 学分政策 (credit-policies). The reports
// take no object id: their out-of-scope cases (another county's region or school → 404) are in
// test/credit-reports.test.ts. Policy bodies here are invalid on purpose, so the matrix checks who
// may call without publishing a version.
import { ADMINS_OF_TEACHERS, REGION_ADMINS, type MatrixPart } from './types.ts';

const PROVINCE = ['province_admin'] as const;

export const part: MatrixPart = {
  entries: {
    'GET /api/credit-reports/compliance': { allow: ADMINS_OF_TEACHERS },
    'GET /api/credit-reports/teachers': { allow: ADMINS_OF_TEACHERS },
    'GET /api/credit-reports/eligibility': { allow: ADMINS_OF_TEACHERS },
    'GET /api/credit-reports/export.xlsx': { allow: ADMINS_OF_TEACHERS },
    // no such teacher: the allowed admins get 404 and nothing is recorded (scope cases: credit-reports-registrations.test.ts)
    'POST /api/credit-reports/registrations': { allow: REGION_ADMINS, body: { teacherId: 999_999, registeredOn: '2020-01-01' } },
    'GET /api/credit-policies': { allow: [...PROVINCE] },
    'GET /api/credit-policies/active': { allow: [...PROVINCE] },
    'GET /api/credit-policies/:version': { allow: [...PROVINCE], params: { version: '1' } },
    'GET /api/credit-policies/recompute': { allow: [...PROVINCE] },
    'POST /api/credit-policies/recompute': { allow: [...PROVINCE] },
    'POST /api/credit-policies/validate': { allow: [...PROVINCE], body: { document: { id: 'x' } } },
    'POST /api/credit-policies/preview': { allow: [...PROVINCE], body: { document: { id: 'x' } } },
    'POST /api/credit-policies': { allow: [...PROVINCE], body: { document: { id: 'x' } } },
  },
};
