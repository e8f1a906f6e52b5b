// 自主选学 in the scope matrix. Objects, one per side, made through the API in setup():
//   countyElective    offered by demo-county / demo-county2 (an admin's own offer), run by demo-institution:
//                     the county edits, submits and decides on it; the city and province above read it and
//                     get 403 for the county's acts; the other side's admins do not see it (404)
//   catalogueElective approved, organised by the province for the side's county: demo-teacher takes it
//   myElective        demo-teacher's own enrolment in another approved course (取消报名 is allowed)
import { expect } from 'vitest';
import { institutionId } from '../classes-fixtures.ts';
import { electiveBody } from '../electives-fixtures.ts';
import { demoNodes } from '../projects-fixtures.ts';
import { REGION_ADMINS, type Entry, type MatrixPart } from './types.ts';

const OFFER: Entry['allow'] = ['institution_admin', ...REGION_ADMINS];
const create: Entry = { allow: OFFER, body: electiveBody() };
const county: Entry = { allow: ['county_admin'], obj: 'countyElective' };

const entries: Record<string, Entry> = {
  'GET /api/electives/form-options': { allow: OFFER },
  'GET /api/electives': { allow: OFFER },
  // an institution offers as itself; a region admin names the institution that runs it (set in setup)
  'POST /api/electives': create,
  'GET /api/electives/pending': { allow: REGION_ADMINS },
  'GET /api/electives/stats': { allow: OFFER },
  'GET /api/electives/:id': { allow: OFFER, obj: 'countyElective' },
  'PUT /api/electives/:id': { ...county, body: electiveBody() },
  'POST /api/electives/:id/submit': { ...county, body: { version: 1 } },
  'POST /api/electives/:id/approve': { ...county, body: { version: 1 } },
  'POST /api/electives/:id/return': { ...county, body: { version: 1, reason: '矩阵测试' } },
  'GET /api/electives/:id/learners': { allow: OFFER, obj: 'countyElective' },
  'GET /api/catalogue/electives': { allow: ['teacher'] },
  'GET /api/catalogue/electives/:id': { allow: ['teacher'], obj: 'catalogueElective' },
  'POST /api/catalogue/electives/:id/enrol': { allow: ['teacher'], obj: 'catalogueElective' },
  'GET /api/my/electives': { allow: ['teacher'] },
  'POST /api/my/electives/:id/cancel': { allow: ['teacher'], obj: 'myElective', body: { version: 1 } },
};

export const part: MatrixPart = {
  entries,
  async setup({ s, client }) {
    const n = await demoNodes(client);
    const inst = await institutionId(s.deps.db, 'INST-01');
    const withProvider = { ...electiveBody(), providerInstitutionId: inst };
    create.body = withProvider;
    entries['PUT /api/electives/:id']!.body = withProvider;
    const province = await client('demo-province');
    const ids: Record<string, [number, number]> = { countyElective: [0, 0], catalogueElective: [0, 0], myElective: [0, 0] };
    for (const [i, side] of [
      { county: 'demo-county', code: n.county, teacher: 'demo-teacher' },
      { county: 'demo-county2', code: n.county2, teacher: 'demo-teacher2' },
    ].entries()) {
      const own = await (await client(side.county)).post('/api/electives', { ...withProvider, name: `矩阵县级选学 ${i + 1}` });
      expect(own.status, JSON.stringify(own.body)).toBe(201);
      ids.countyElective[i] = own.body.elective.id;
      const approved: number[] = [];
      for (const name of [`矩阵目录课程 ${i + 1}`, `矩阵已报名课程 ${i + 1}`]) {
        const r = await province.post('/api/electives', { ...withProvider, name, targetRegionCodes: [side.code] });
        expect(r.status, JSON.stringify(r.body)).toBe(201);
        const sub = await province.post(`/api/electives/${r.body.elective.id}/submit`, { version: r.body.elective.version });
        const ok = await province.post(`/api/electives/${r.body.elective.id}/approve`, { version: sub.body.elective.version });
        expect(ok.status, JSON.stringify(ok.body)).toBe(200);
        approved.push(r.body.elective.id);
      }
      ids.catalogueElective[i] = approved[0]!;
      const e = await (await client(side.teacher)).post(`/api/catalogue/electives/${approved[1]}/enrol`);
      expect(e.status, JSON.stringify(e.body)).toBe(201);
      ids.myElective[i] = e.body.enrollmentId;
    }
    return ids;
  },
};
