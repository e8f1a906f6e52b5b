// 去报名: may this teacher enrol in this elective today, and what may they do with their enrolment?
// Pure, so each reason is tested alone; every reason is a sentence the teacher can act on.
import { electives } from '@shixun/contracts';
import { targetsTeacher } from '../enrollments/eligibility.ts';

export interface EnrolFacts {
  reviewStatus: string;
  applyStart: string | null;
  applyEnd: string | null;
  endDate: string;
  targetStages: string[];
  targetRegionCodes: string[];
  organiserRegionCode: string | null;
  capacity: number | null;
  taken: number;
  priceFen: number;
  /** who pays a paid course: the teacher pays online through 我的订单 (报名并支付); school payment is not open yet */
  payer?: 'teacher' | 'school';
}
export interface EnrolTeacher {
  stage: string | null;
  regionCode: string;
  schoolId: number;
}

/** Why the teacher may not enrol; empty when they may. A full or paid course says so last (it is the likely one). */
export function enrolProblems(e: EnrolFacts, t: EnrolTeacher, today: string): string[] {
  if (e.reviewStatus !== 'published') return ['该课程未上架，不能报名'];
  const out: string[] = [];
  if (e.applyStart && today < e.applyStart) out.push(`报名尚未开始（${e.applyStart} 开始）`);
  if (e.applyEnd && today > e.applyEnd) out.push(`报名已截止（截止日期 ${e.applyEnd}）`);
  if (today > e.endDate) out.push('课程学习已结束');
  if (!targetsTeacher({ targetRegionCodes: e.targetRegionCodes, organiserRegionCode: e.organiserRegionCode, organiserSchoolId: null }, t))
    out.push('您所在的地区不在该课程面向的范围内');
  if (e.targetStages.length && !(t.stage && e.targetStages.includes(t.stage)))
    out.push(`该课程面向${e.targetStages.join('、')}教师，您的任教学段为${t.stage ?? '（未填写，请在基本信息中填写）'}`);
  if (e.priceFen > 0 && e.payer !== 'teacher') out.push(electives.PAID_REFUSAL);
  else if (e.capacity !== null && e.taken >= e.capacity) out.push('名额已满');
  return out;
}

export type MyTab = 'learning' | 'passed' | 'failed';

export interface MyFacts {
  result: 'passed' | 'failed' | null;
  startDate: string;
  endDate: string;
  score: number | null;
  progress: number | null;
  learningUrl: string | null;
}

export function tabOf(f: Pick<MyFacts, 'result'>): MyTab {
  return f.result === 'passed' ? 'passed' : f.result === 'failed' ? 'failed' : 'learning';
}

/** What the card says and which buttons the state allows (去学习, 取消报名). */
export function myState(f: MyFacts, today: string) {
  const tab = tabOf(f);
  const statusLabel =
    tab === 'passed' ? '已通过' : tab === 'failed' ? '未通过' : today < f.startDate ? '未开始' : today > f.endDate ? '待评定' : '学习中';
  return {
    tab,
    statusLabel,
    canLearn: tab === 'learning' && !!f.learningUrl && f.startDate <= today && today <= f.endDate,
    // 取消报名 while nothing has happened yet: before the learning window, no score, no progress
    canCancel: tab === 'learning' && today < f.startDate && f.score === null && f.progress === null,
  };
}
