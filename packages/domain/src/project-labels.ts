// How a training project's level, mode and a trainee's result read in Chinese: shared by the server's
// views, its PDFs and the web app's tables.

export type ProjectLevel = 'national' | 'province' | 'city' | 'county' | 'school';
export type ProjectMode = 'onsite' | 'online' | 'blended' | 'school_based';

export const PROJECT_LEVEL_LABELS: Record<ProjectLevel, string> = {
  national: '国家级',
  province: '省级',
  city: '市级',
  county: '县级',
  school: '校级',
};
export const PROJECT_MODE_LABELS: Record<ProjectMode, string> = {
  onsite: '集中培训',
  online: '远程培训（线上）',
  blended: '混合式培训',
  school_based: '校本研修',
};
export const TRAINEE_RESULT_LABELS = { passed: '合格', failed: '不合格' } as const;
