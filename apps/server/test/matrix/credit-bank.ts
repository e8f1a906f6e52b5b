// 学分银行 in the scope matrix: the teacher's own bank and exports, and an admin's view of a teacher in scope.
import { ADMINS_OF_TEACHERS, type MatrixPart } from './types.ts';

export const part: MatrixPart = {
  entries: {
    'GET /api/credit-bank/me': { allow: ['teacher'] },
    'GET /api/credit-bank/me/export.xlsx': { allow: ['teacher'] },
    'GET /api/credit-bank/me/export.pdf': { allow: ['teacher'] },
    'GET /api/teachers/:id/credit-bank': { allow: ADMINS_OF_TEACHERS, obj: 'teacher' },
    'GET /api/teachers/:id/credit-bank/export.xlsx': { allow: ADMINS_OF_TEACHERS, obj: 'teacher' },
  },
};
