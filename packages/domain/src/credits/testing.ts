// Builders for credit tests: a ledger line with sensible defaults, so each example states only what matters.
import type { CreditEntryFact } from './types.ts';

let seq = 0;
export function entry(fields: Partial<CreditEntryFact> & Pick<CreditEntryFact, 'year'>): CreditEntryFact {
  seq++;
  return {
    id: `e${seq}`,
    date: `${fields.year}-03-15`,
    category: 'public_required',
    form: 'online',
    amount: 1,
    level: 'province',
    ...fields,
  };
}

/** A year of the Guangxi rules met exactly: 公共必修 6 远程, 校本 10, 专业选修 4 集中, 自主选修 4 远程 = 24. */
export function guangxiYear(year: number, schoolBased = 10): CreditEntryFact[] {
  return [
    entry({ year, category: 'public_required', form: 'online', amount: 6, level: 'province' }),
    entry({ year, category: 'school_based', form: 'school_based', amount: schoolBased, level: 'school' }),
    entry({ year, category: 'professional_elective', form: 'onsite', amount: 4, level: 'city' }),
    entry({ year, category: 'self_elective', form: 'online', amount: 4, level: 'county' }),
  ];
}
