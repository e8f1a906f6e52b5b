// The teacher's tabs of 我的专项培训 (进行中 · 未开始 · 已结束 · 审核中 · 未通过), decided from an
// enrolment's status and the project's dates:
//   审核中  still in the review chain (status reviewing);
//   未通过  returned by a reviewer, with the reason in the timeline (status returned);
//   once approved (or assigned to a class): 未开始 before the start date, 进行中 from the start to
//   the end date, 已结束 after the end date — or as soon as a result (合格/不合格) is recorded or
//   the project is closed. A failed result stays under 已结束 (filter 考核结果 不合格): 未通过 is the
//   review's answer, as in the Guangxi manual where it sits next to 审核中.
//   Withdrawn enrolments are in no tab.

export const TEACHER_TABS = ['ongoing', 'upcoming', 'ended', 'reviewing', 'returned'] as const;
export type TeacherTab = (typeof TEACHER_TABS)[number];
export const TEACHER_TAB_LABELS: Record<TeacherTab, string> = {
  ongoing: '进行中',
  upcoming: '未开始',
  ended: '已结束',
  reviewing: '审核中',
  returned: '未通过',
};

export interface TabFacts {
  status: 'reviewing' | 'returned' | 'approved' | 'assigned' | 'withdrawn';
  result: 'passed' | 'failed' | null;
  projectStatus: 'draft' | 'published' | 'closed';
  startDate: string;
  endDate: string;
}

/** Dates are YYYY-MM-DD strings, so they compare as text. */
export function teacherTab(f: TabFacts, today: string): TeacherTab | null {
  if (f.status === 'withdrawn') return null;
  if (f.status === 'reviewing') return 'reviewing';
  if (f.status === 'returned') return 'returned';
  if (f.result || f.projectStatus === 'closed' || today > f.endDate) return 'ended';
  if (today < f.startDate) return 'upcoming';
  return 'ongoing';
}
