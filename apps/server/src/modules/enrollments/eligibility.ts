// 去申报: may this teacher apply to this project today? Pure, so each reason is tested alone.
// Every reason is a sentence the teacher can act on.

export interface ApplyProject {
  status: 'draft' | 'published' | 'closed';
  allowApplication: boolean;
  applyStart: string | null;
  applyEnd: string | null;
  targetStages: string[];
  targetSubjects: string[];
  targetRegionCodes: string[];
  organiserRegionCode: string | null;
  organiserSchoolId: number | null;
}
export interface ApplyTeacher {
  stage: string | null;
  subject: string | null;
  regionCode: string;
  schoolId: number;
}

/** Does the project's area (its targets, else the organiser's own area) include this teacher? */
export function targetsTeacher(
  p: Pick<ApplyProject, 'targetRegionCodes' | 'organiserRegionCode' | 'organiserSchoolId'>,
  t: Pick<ApplyTeacher, 'regionCode' | 'schoolId'>,
): boolean {
  if (p.organiserSchoolId) return p.organiserSchoolId === t.schoolId;
  const targets = p.targetRegionCodes.length ? p.targetRegionCodes : [p.organiserRegionCode!];
  return targets.some((code) => t.regionCode.startsWith(code));
}

/** Why the teacher may not apply; empty when they may. */
export function applicationProblems(p: ApplyProject, t: ApplyTeacher, today: string): string[] {
  if (p.status !== 'published') return ['该项目未发布或已关闭，不能申报'];
  if (!p.allowApplication) return ['该项目不接受教师个人申报，由学校或区县遴选参训教师'];
  const out: string[] = [];
  if (p.applyStart && today < p.applyStart) out.push(`申报尚未开始（${p.applyStart} 开始）`);
  if (p.applyEnd && today > p.applyEnd) out.push(`申报已截止（截止日期 ${p.applyEnd}）`);
  if (!targetsTeacher(p, t)) out.push(p.organiserSchoolId ? '该项目只面向组织学校的教师' : '您所在的地区不在该项目面向的范围内');
  if (p.targetStages.length && !(t.stage && p.targetStages.includes(t.stage))) {
    out.push(`该项目面向${p.targetStages.join('、')}教师，您的任教学段为${t.stage ?? '（未填写，请在基本信息中填写）'}`);
  }
  if (p.targetSubjects.length && !(t.subject && p.targetSubjects.includes(t.subject))) {
    out.push(`该项目面向${p.targetSubjects.join('、')}学科，您的任教学科为${t.subject ?? '（未填写，请在基本信息中填写）'}`);
  }
  return out;
}
