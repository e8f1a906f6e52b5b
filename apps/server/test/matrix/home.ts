// 我的主页 and 工作台 in the scope matrix: read-only, no :id. Scope (other areas never counted) is
// tested in home.test.ts.
import { ADMINS_OF_TEACHERS, type MatrixPart } from './types.ts';

export const part: MatrixPart = {
  entries: {
    'GET /api/me/home': { allow: ['teacher'] },
    'GET /api/admin/workbench': { allow: ADMINS_OF_TEACHERS },
    'GET /api/admin/queue-counts': { allow: ADMINS_OF_TEACHERS },
  },
};
