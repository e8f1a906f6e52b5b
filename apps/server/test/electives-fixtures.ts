// Electives (自主选学) built through the API as the platform would: demo-institution offers, the
// organising level (the province unless told otherwise) approves; teachers from the factories.
import { expect } from 'vitest';
import { dayFromToday } from './classes-fixtures.ts';
import type { Client, TestServer } from './harness.ts';

let seq = 0;

/** A valid elective form: free, 2 学分 自主选修, enrolment open now, learning from the day after tomorrow. */
export function electiveBody(over: Record<string, unknown> = {}) {
  return {
    name: `测试选学课程 ${++seq}`,
    year: Number(dayFromToday(0).slice(0, 4)),
    mode: 'online',
    creditCategory: 'self_elective',
    creditAmount: 2,
    hours: 6,
    description: '课程简介',
    syllabus: '第一讲\n第二讲',
    applyStart: dayFromToday(-1),
    applyEnd: dayFromToday(10),
    startDate: dayFromToday(2),
    endDate: dayFromToday(30),
    capacity: null,
    priceFen: 0,
    payer: 'teacher',
    passMark: 60,
    minProgress: 100,
    learningUrl: 'https://learn.example.org/course/1',
    ...over,
  };
}

/** Created by `by` (demo-institution), submitted, approved by `approver` (demo-province): its id and class. */
export async function approvedElective(
  c: Record<string, Client>,
  over: Record<string, unknown> = {},
  o: { by?: string; approver?: string } = {},
): Promise<{ id: number; classId: number }> {
  const by = c[o.by ?? 'demo-institution']!,
    approver = c[o.approver ?? 'demo-province']!;
  const r = await by.post('/api/electives', electiveBody(over));
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  const id = r.body.elective.id as number;
  const s = await by.post(`/api/electives/${id}/submit`, { version: r.body.elective.version });
  expect(s.status, JSON.stringify(s.body)).toBe(200);
  const a = await approver.post(`/api/electives/${id}/approve`, { version: s.body.elective.version });
  expect(a.status, JSON.stringify(a.body)).toBe(200);
  return { id, classId: a.body.elective.classId as number };
}

export async function placesOf(s: TestServer, electiveId: number) {
  return s.deps.db.selectFrom('project_quotas').select(['quota', 'used']).where('project_id', '=', electiveId).executeTakeFirst();
}
