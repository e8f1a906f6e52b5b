// Shaping the home page's parts from what the feature modules answer: the engine's evaluation as
// progress, a class as «开班通知 + next session», and the profile's completeness.
import { PROFILE_FIELDS, type CreditCell, type CreditEvaluation } from '@shixun/domain';
import type { myClass } from '../classes/my-class.service.ts';
import { chinaDay } from '../classes/view.ts';

const progress = (c: CreditCell) => ({ name: c.name, counted: c.counted, required: c.required, status: c.status });

/** The current cycle and this calendar year of it, and the engine's own «还差…» sentences. */
export function creditProgress(policyName: string, ev: CreditEvaluation) {
  const cycle = ev.cycles.find((c) => c.id === ev.currentCycleId) ?? ev.cycles.at(-1);
  if (!cycle) throw new Error('学分政策没有培训周期');
  const thisYear = Number(ev.asOf.slice(0, 4));
  const y = cycle.years.find((r) => r.year === thisYear);
  return {
    policyName,
    unit: ev.unit,
    assessed: ev.assessed,
    cycle: { ...progress(cycle.total), name: cycle.name, id: cycle.id, startYear: cycle.startYear, endYear: cycle.endYear },
    year: y ? { year: y.year, assessed: y.assessed, total: progress(y.total), groups: Object.values(y.groups).map(progress) } : null,
    compliant: ev.compliant,
    missing: ev.missing,
    notes: ev.notes,
  };
}

type ClassView = Awaited<ReturnType<typeof myClass>>;

/** The first session that has not ended yet (sessions of a class, any order). */
export function nextSession(c: ClassView, now = new Date()) {
  const s = [...c.sessions].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime()).find((x) => x.endsAt.getTime() >= now.getTime());
  if (!s) return null;
  return {
    startsAt: s.startsAt,
    when: s.when,
    topic: s.topic,
    place: s.place,
    today: chinaDay(s.startsAt) === chinaDay(now),
    checkedIn: s.checkedIn,
  };
}

/** How much of 基本信息 is filled in, counted as the profile page counts it. */
export function profileCompleteness(p: Record<string, unknown>) {
  const filled = PROFILE_FIELDS.filter((f) => {
    const v = f.key === 'schoolId' ? p.schoolName : p[f.key];
    return v !== null && v !== undefined && v !== '';
  }).length;
  return { filled, total: PROFILE_FIELDS.length, percent: Math.round((filled / PROFILE_FIELDS.length) * 100) };
}
