// 我的学分, 校本研修认定 and corrections in the scope matrix. The objects are school-level 校本研修
// entries (one per demo school), so every admin level may reverse them: the school admin's reversal
// wins and later levels get 409, never 404. Out-of-scope POSTs with a teacherId in the body are
// tested in credits-ledger.test.ts.
import { expect } from 'vitest';
import { ADMINS_OF_TEACHERS, type MatrixPart } from './types.ts';

const schoolBased = { teacherId: 0, year: 2025, date: '2025-06-30', title: '矩阵：集体备课', amount: 1 };

export const part: MatrixPart = {
  entries: {
    'GET /api/credits/me': { allow: ['teacher'] },
    'GET /api/credits/me/entries': { allow: ['teacher'] },
    'GET /api/teachers/:id/credits': { allow: ADMINS_OF_TEACHERS, obj: 'teacher' },
    'POST /api/credit-entries/:id/reverse': { allow: ADMINS_OF_TEACHERS, obj: 'creditEntry', body: { reason: '矩阵测试冲销' } },
    'POST /api/teachers/:id/credits/adjustments': {
      allow: ADMINS_OF_TEACHERS,
      obj: 'teacher',
      body: { year: 2025, category: 'public_required', form: 'online', amount: 1, title: '矩阵调整', reason: '矩阵测试' },
    },
    // teacherId is filled in by setup (the side-1 teacher); the same entry again answers 409
    'POST /api/credits/school-based': { allow: ['school_admin'], body: schoolBased },
    'GET /api/credits/school-based': { allow: ['school_admin'] },
    'GET /api/credits/school-based/template': { allow: ['school_admin'] },
    // a JSON body instead of a file: 400, never 401/403/500
    'POST /api/credits/school-based/import': { allow: ['school_admin'] },
  },
  async setup({ s, client }) {
    const teacherIds: number[] = [];
    for (const login of ['demo-teacher', 'demo-teacher2']) {
      teacherIds.push((await s.deps.db.selectFrom('users').select('id').where('login_name', '=', login).executeTakeFirstOrThrow()).id);
    }
    schoolBased.teacherId = teacherIds[0]!;
    const entries: number[] = [];
    for (const [i, acc] of ['demo-school', 'demo-school2'].entries()) {
      const r = await (await client(acc)).post('/api/credits/school-based', {
        teacherId: teacherIds[i],
        year: 2025,
        date: '2025-05-20',
        title: `矩阵对象：课例研究 ${i + 1}`,
        amount: 2,
      });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      entries.push(r.body.id);
    }
    return { creditEntry: [entries[0]!, entries[1]!] };
  },
};
