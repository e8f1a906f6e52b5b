// What a project must have before it is published: the things a teacher or a reviewer needs and a
// draft may still lack. Pure, so the rules are tested without a database.

export interface PublishFacts {
  quota: number;
  creditAmountH: number;
  hoursH: number;
  mode: 'onsite' | 'online' | 'blended' | 'school_based';
  place: string;
  institutions: number;
  learningUrl: string | null;
  allowApplication: boolean;
  applyStart: string | null;
  applyEnd: string | null;
  startDate: string;
  endDate: string;
}

/** Every missing item, in Chinese; empty when the project may be published. */
export function publishProblems(p: PublishFacts): string[] {
  const out: string[] = [];
  if (p.quota < 1) out.push('名额须大于 0');
  if (p.creditAmountH <= 0 && p.hoursH <= 0) out.push('请填写学分或学时');
  if (p.mode === 'onsite' || p.mode === 'blended') {
    if (!p.place.trim()) out.push('集中培训须填写培训地点');
    if (p.institutions < 1) out.push('集中培训须选择承培机构');
  }
  if ((p.mode === 'online' || p.mode === 'blended') && !p.learningUrl) out.push('远程培训须填写学习网址');
  if (p.allowApplication) {
    if (!p.applyStart || !p.applyEnd) out.push('允许教师申报的项目须填写申报起止日期');
    else if (p.applyEnd > p.endDate) out.push('申报截止日期不能晚于培训结束日期');
  }
  return out;
}
