// The entries behind a cell, chosen from a list the page already holds (the admin view loads all of
// a teacher's entries at once). Same rule as the server's cellFilter: a reversal carries the year,
// category, form and level of the entry it cancels, so it lands in the same cell.
import type { CellRef, EntryView, PolicyView } from './types.ts';

export function cellEntries(policy: PolicyView, entries: EntryView[], ref: CellRef): EntryView[] {
  const cycle = policy.cycles.find((c) => c.id === ref.cycleId);
  const group = ref.group ? policy.groups.find((g) => g.id === ref.group) : undefined;
  const level = ref.group ? policy.levelMinimums.find((l) => l.id === ref.group) : undefined;
  return entries.filter(
    (e) =>
      (!cycle || (e.year >= cycle.startYear && e.year <= cycle.endYear)) &&
      (ref.year === undefined || e.year === ref.year) &&
      (ref.category === undefined || e.category === ref.category) &&
      (!group || ((!group.forms || group.forms.includes(e.form)) && (!group.categories || group.categories.includes(e.category)))) &&
      (!level || level.levels.includes(e.level)),
  );
}

/** The query string of GET /api/credits/me/entries for a cell. */
export function cellQuery(ref: CellRef) {
  return { cycleId: ref.cycleId, year: ref.year, category: ref.category, group: ref.group };
}
