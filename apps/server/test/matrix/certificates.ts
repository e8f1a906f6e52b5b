// Certificates (学分证书 / 结业证书): the holder's list and issue, downloads by the holder or an admin
// in scope, and the public verification by code.
import { expect } from 'vitest';
import { ADMINS_OF_TEACHERS, PUBLIC, type MatrixPart } from './types.ts';

export const part: MatrixPart = {
  entries: {
    'GET /api/certificates/mine': { allow: ['teacher'] },
    'GET /api/certificates/credit/options': { allow: ['teacher'] },
    // 十四五 has ended, so it can always be issued whatever the date the tests run on
    'POST /api/certificates/credit': { allow: ['teacher'], body: { cycleId: 'fyp14' } },
    'GET /api/certificates/:id/pdf': { allow: ['teacher', ...ADMINS_OF_TEACHERS], obj: 'certificate' },
    // a well-formed code nobody holds: 404, never 401
    'GET /api/public/certificates/:code': { allow: PUBLIC, params: { code: 'SX-2222-3333-4444-5555' } },
  },
  async setup({ client }) {
    const ids: number[] = [];
    for (const acc of ['demo-teacher', 'demo-teacher2']) {
      const r = await (await client(acc)).post('/api/certificates/credit', { cycleId: 'fyp14' });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      ids.push(r.body.certificate.id);
    }
    return { certificate: [ids[0]!, ids[1]!] };
  },
};
