// The pure rules of training projects: the review chain, the teacher's tabs, who may apply, and
// what a project needs before it is published.
import { describe, expect, it } from 'vitest';
import { approvalAction, firstStage, reviewChain, stageAfter } from '../src/modules/enrollments/chain.ts';
import { applicationProblems, targetsTeacher, type ApplyProject } from '../src/modules/enrollments/eligibility.ts';
import { teacherTab, type TabFacts } from '../src/modules/enrollments/tabs.ts';
import { isChildHolder } from '../src/modules/projects/levels.ts';
import { publishProblems, type PublishFacts } from '../src/modules/projects/publish.ts';

describe('review chain', () => {
  it('follows the project level: the longest for national and province projects, the shortest for school ones', () => {
    expect(reviewChain('national')).toEqual(['school', 'county', 'city', 'province']);
    expect(reviewChain('province')).toEqual(['school', 'county', 'city', 'province']);
    expect(reviewChain('city')).toEqual(['school', 'county', 'city']);
    expect(reviewChain('county')).toEqual(['school', 'county']);
    expect(reviewChain('school')).toEqual(['school']);
  });

  it('moves up one level at a time and ends at the organiser', () => {
    expect(stageAfter('province', 'school')).toBe('county');
    expect(stageAfter('province', 'county')).toBe('city');
    expect(stageAfter('province', 'city')).toBe('province');
    expect(stageAfter('province', 'province')).toBe('done');
    expect(stageAfter('city', 'city')).toBe('done');
    expect(stageAfter('school', 'school')).toBe('done');
    expect(() => stageAfter('county', 'city')).toThrow();
  });

  it('starts an application at the school and a selection after the selecting level', () => {
    expect(firstStage('province', 'applied')).toBe('school');
    expect(firstStage('county', 'applied')).toBe('school');
    // Hebei: 区县遴选并提交 → 市级审核
    expect(firstStage('national', 'selected', 'county')).toBe('city');
    expect(firstStage('province', 'selected', 'school')).toBe('county');
    expect(firstStage('county', 'selected', 'county')).toBe('done');
    expect(firstStage('school', 'selected', 'school')).toBe('done');
    expect(firstStage('school', 'selected', 'county')).toBeNull();
    expect(firstStage('city', 'selected', 'province')).toBeNull();
  });

  it('calls an intermediate approval a submission to the next level', () => {
    expect(approvalAction('province', 'county')).toBe('submitted');
    expect(approvalAction('province', 'province')).toBe('approved');
    expect(approvalAction('county', 'county')).toBe('approved');
  });
});

describe('teacher tabs', () => {
  const base: TabFacts = { status: 'assigned', result: null, projectStatus: 'published', startDate: '2026-03-01', endDate: '2026-03-10' };
  it('puts reviews under 审核中 and 未通过 whatever the dates', () => {
    expect(teacherTab({ ...base, status: 'reviewing' }, '2026-03-05')).toBe('reviewing');
    expect(teacherTab({ ...base, status: 'returned' }, '2026-03-05')).toBe('returned');
    expect(teacherTab({ ...base, status: 'returned' }, '2027-01-01')).toBe('returned');
    expect(teacherTab({ ...base, status: 'withdrawn' }, '2026-03-05')).toBeNull();
  });
  it('places approved and assigned trainees by the training dates, both ends inclusive', () => {
    for (const status of ['approved', 'assigned'] as const) {
      expect(teacherTab({ ...base, status }, '2026-02-28')).toBe('upcoming');
      expect(teacherTab({ ...base, status }, '2026-03-01')).toBe('ongoing');
      expect(teacherTab({ ...base, status }, '2026-03-10')).toBe('ongoing');
      expect(teacherTab({ ...base, status }, '2026-03-11')).toBe('ended');
    }
  });
  it('ends a training once a result is recorded or the project is closed', () => {
    expect(teacherTab({ ...base, result: 'passed' }, '2026-03-05')).toBe('ended');
    expect(teacherTab({ ...base, result: 'failed' }, '2026-03-05')).toBe('ended');
    expect(teacherTab({ ...base, projectStatus: 'closed' }, '2026-02-01')).toBe('ended');
  });
});

describe('who may apply (去申报)', () => {
  const p: ApplyProject = {
    status: 'published',
    allowApplication: true,
    applyStart: '2026-01-01',
    applyEnd: '2026-01-31',
    targetStages: ['小学'],
    targetSubjects: ['语文', '数学'],
    targetRegionCodes: ['450102'],
    organiserRegionCode: '45',
    organiserSchoolId: null,
  };
  const t = { stage: '小学', subject: '语文', regionCode: '450102', schoolId: 7 };
  it('lets a matching teacher apply within the window', () => {
    expect(applicationProblems(p, t, '2026-01-01')).toEqual([]);
    expect(applicationProblems(p, t, '2026-01-31')).toEqual([]);
  });
  it('says why not, one sentence per reason', () => {
    expect(applicationProblems(p, t, '2025-12-31')).toEqual(['申报尚未开始（2026-01-01 开始）']);
    expect(applicationProblems(p, t, '2026-02-01')).toEqual(['申报已截止（截止日期 2026-01-31）']);
    expect(applicationProblems(p, { ...t, regionCode: '450202' }, '2026-01-10')).toEqual(['您所在的地区不在该项目面向的范围内']);
    expect(applicationProblems(p, { ...t, stage: '初中' }, '2026-01-10')).toEqual(['该项目面向小学教师，您的任教学段为初中']);
    expect(applicationProblems(p, { ...t, subject: null }, '2026-01-10')).toEqual([
      '该项目面向语文、数学学科，您的任教学科为（未填写，请在基本信息中填写）',
    ]);
    expect(applicationProblems({ ...p, allowApplication: false }, t, '2026-01-10')).toEqual([
      '该项目不接受教师个人申报，由学校或区县遴选参训教师',
    ]);
    expect(applicationProblems({ ...p, status: 'closed' }, t, '2026-01-10')).toEqual(['该项目未发布或已关闭，不能申报']);
    expect(applicationProblems(p, { ...t, regionCode: '450202', stage: '初中' }, '2026-02-02')).toHaveLength(3);
  });
  it("reads an empty target list as the organiser's area, and a school project as its own school", () => {
    const open = { ...p, targetRegionCodes: [], targetStages: [], targetSubjects: [] };
    expect(targetsTeacher({ ...open, organiserRegionCode: '4501' }, t)).toBe(true);
    expect(targetsTeacher({ ...open, organiserRegionCode: '4502' }, t)).toBe(false);
    expect(targetsTeacher({ ...open, organiserRegionCode: null, organiserSchoolId: 7 }, t)).toBe(true);
    expect(applicationProblems({ ...open, organiserRegionCode: null, organiserSchoolId: 8 }, t, '2026-01-10')).toEqual([
      '该项目只面向组织学校的教师',
    ]);
  });
});

describe('publishing', () => {
  const ok: PublishFacts = {
    quota: 10,
    creditAmountH: 2000,
    hoursH: 0,
    mode: 'blended',
    place: '南宁',
    institutions: 1,
    learningUrl: 'https://x.cn',
    allowApplication: true,
    applyStart: '2026-01-01',
    applyEnd: '2026-01-10',
    startDate: '2026-02-01',
    endDate: '2026-02-10',
  };
  it('accepts a complete project', () => expect(publishProblems(ok)).toEqual([]));
  it('lists everything missing', () => {
    expect(publishProblems({ ...ok, quota: 0, creditAmountH: 0, place: ' ', institutions: 0, learningUrl: null, applyEnd: null })).toEqual([
      '名额须大于 0',
      '请填写学分或学时',
      '集中培训须填写培训地点',
      '集中培训须选择承培机构',
      '远程培训须填写学习网址',
      '允许教师申报的项目须填写申报起止日期',
    ]);
    expect(publishProblems({ ...ok, applyEnd: '2026-03-01' })).toEqual(['申报截止日期不能晚于培训结束日期']);
    // an online course needs no place; hours alone are enough
    expect(publishProblems({ ...ok, mode: 'online', place: '', institutions: 0, creditAmountH: 0, hoursH: 600 })).toEqual([]);
    expect(publishProblems({ ...ok, mode: 'school_based', place: '', institutions: 0, learningUrl: null })).toEqual([]);
  });
});

describe('quota tree', () => {
  it('splits only to the next level down', () => {
    expect(isChildHolder('45', { holder: '4501', regionCode: '4501', isSchool: false })).toBe(true);
    expect(isChildHolder('45', { holder: '450102', regionCode: '450102', isSchool: false })).toBe(false);
    expect(isChildHolder('4501', { holder: '450102', regionCode: '450102', isSchool: false })).toBe(true);
    expect(isChildHolder('4501', { holder: '450202', regionCode: '450202', isSchool: false })).toBe(false);
    expect(isChildHolder('450102', { holder: 'school:3', regionCode: '450102', isSchool: true })).toBe(true);
    expect(isChildHolder('450102', { holder: 'school:4', regionCode: '450103', isSchool: true })).toBe(false);
    expect(isChildHolder('4501', { holder: 'school:3', regionCode: '450102', isSchool: true })).toBe(false);
    expect(isChildHolder('school:3', { holder: 'school:4', regionCode: '450102', isSchool: true })).toBe(false);
  });
});
