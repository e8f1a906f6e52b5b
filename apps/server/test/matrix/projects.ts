// 培训项目 (plan, quotas, selection, review, assignment, the teacher's side) in the scope matrix.
// Objects, one per side, made through the API in setup():
//   project      a published province project aimed at the side's county, its quota split
//                province → city → county → school; an admin of the other side cannot see it (404)
//   cityProject  a published city project of demo-city / demo-city2: only that city admin
//                (the organiser) may edit, publish or assign on it — the other levels see it and get 403
//   closable     the same, for the close route (which changes it for good)
//   enrollment   a teacher selected by the county into `project`, waiting at the city (version 1):
//                only the city reviews it; school, county and province get 403 for the wrong level
//   myEnrollment demo-teacher's / demo-teacher2's own enrolment
import { expect } from 'vitest';
import { ADMINS_OF_TEACHERS, type Entry, type MatrixPart } from './types.ts';
import { createProject, demoNodes, grant, projectBody, select, teachersOf } from '../projects-fixtures.ts';

const A = ADMINS_OF_TEACHERS;
const put: Entry = { allow: ['city_admin'], obj: 'cityProject' };
const selection: Entry = { allow: ['school_admin', 'county_admin'], obj: 'project', body: { teacherIds: [0] } };
const quotaGrant: Entry = { allow: ['province_admin', 'city_admin', 'county_admin'], obj: 'project', body: { holder: '0000', quota: 6 } };
const assign: Entry = { allow: ['city_admin'], obj: 'cityProject', body: { enrollmentIds: [0], institutionId: 0, className: '矩阵一班' } };
const create: Entry = { allow: A };
const batch = { items: [{ id: 0, version: 1 }] };

const entries: Record<string, Entry> = {
  'GET /api/project-types': { allow: A },
  'GET /api/institutions': { allow: A },
  'GET /api/projects/form-options': { allow: A },
  'GET /api/projects': { allow: A },
  // a school-level form: the school admin creates it, the other levels are told the level is not theirs (400)
  'POST /api/projects': create,
  'GET /api/projects/:id': { allow: A, obj: 'project' },
  'PUT /api/projects/:id': put,
  'POST /api/projects/:id/publish': { allow: ['city_admin'], obj: 'cityProject' },
  'POST /api/projects/:id/close': { allow: ['city_admin'], obj: 'closable' },
  'GET /api/projects/:id/stats': { allow: A, obj: 'project' },
  'GET /api/projects/:id/quotas': { allow: A, obj: 'project' },
  'POST /api/projects/:id/quotas': quotaGrant,
  'GET /api/projects/:id/candidates': { allow: ['school_admin', 'county_admin'], obj: 'project' },
  'POST /api/projects/:id/selections': selection,
  'GET /api/projects/:id/enrollments': { allow: A, obj: 'project' },
  'GET /api/projects/:id/enrollments/export.xlsx': { allow: A, obj: 'project' },
  'GET /api/projects/:id/classes': { allow: A, obj: 'project' },
  'POST /api/projects/:id/assign': assign,
  'GET /api/enrollments/pending': { allow: A },
  'POST /api/enrollments/batch/approve': { allow: A, body: batch },
  'POST /api/enrollments/batch/return': { allow: A, body: { ...batch, reason: '矩阵测试' } },
  'GET /api/enrollments/:id': { allow: A, obj: 'enrollment' },
  'POST /api/enrollments/:id/approve': { allow: ['city_admin'], obj: 'enrollment', body: { version: 1 } },
  'POST /api/enrollments/:id/return': { allow: ['city_admin'], obj: 'enrollment', body: { version: 1, reason: '矩阵测试' } },
  'POST /api/projects/:id/apply': { allow: ['teacher'], obj: 'project' },
  'GET /api/my/projects': { allow: ['teacher'] },
  'GET /api/my/projects/open': { allow: ['teacher'] },
  'GET /api/my/enrollments/:id': { allow: ['teacher'], obj: 'myEnrollment' },
  // a selected enrolment cannot be withdrawn (409): the route is reached, scope is kept
  'POST /api/my/enrollments/:id/withdraw': { allow: ['teacher'], obj: 'myEnrollment', body: { version: 1 } },
};

export const part: MatrixPart = {
  entries,
  async setup({ s, client }) {
    const n = await demoNodes(client);
    const province = await client('demo-province');
    const sides = [
      { city: 'demo-city', county: 'demo-county', cityCode: n.city, countyCode: n.county, school: n.school, teacher: 'demo-teacher' },
      { city: 'demo-city2', county: 'demo-county2', cityCode: n.city2, countyCode: n.county2, school: n.school2, teacher: 'demo-teacher2' },
    ];
    const ids: Record<string, [number, number]> = {
      project: [0, 0],
      cityProject: [0, 0],
      closable: [0, 0],
      enrollment: [0, 0],
      myEnrollment: [0, 0],
    };
    for (const [i, side] of sides.entries()) {
      const city = await client(side.city),
        county = await client(side.county);
      const p = await createProject(s, province, { name: `矩阵省级项目 ${i + 1}`, targetRegionCodes: [side.countyCode] });
      await grant(province, p, side.cityCode, 20);
      await grant(city, p, side.countyCode, 10);
      await grant(county, p, `school:${side.school}`, 2);
      const teachers = await teachersOf(s, side.school);
      const mine = teachers.find((t) => t.login_name === side.teacher)!;
      const others = teachers.filter((t) => !t.login_name);
      const [enrollment] = await select(county, p, [others[0]!.id]);
      const [own] = await select(county, p, [mine.id]);
      ids.project[i] = p;
      ids.enrollment[i] = enrollment!;
      ids.myEnrollment[i] = own!;
      ids.cityProject[i] = await createProject(s, city, { name: `矩阵市级项目 ${i + 1}`, level: 'city' });
      ids.closable[i] = await createProject(s, city, { name: `矩阵待关闭项目 ${i + 1}`, level: 'city' });
      if (i === 0) {
        selection.body = { teacherIds: [others[1]!.id] };
        quotaGrant.body = { holder: side.countyCode, quota: 6 };
        assign.body = { enrollmentIds: [enrollment], institutionId: (await projectBody(s)).institutionIds[0], className: '矩阵一班' };
        batch.items[0]!.id = enrollment!;
      }
    }
    put.body = await projectBody(s, { level: 'city', name: '矩阵修改' });
    create.body = await projectBody(s, { level: 'school', name: '矩阵校级项目', mode: 'school_based', targetRegionCodes: [] });
    expect(ids.project[0]).toBeGreaterThan(0);
    return ids;
  },
};
