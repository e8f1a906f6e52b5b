import type { ResponseOf } from '@shixun/contracts';
import type { creditBank } from '@shixun/contracts';

export type BankView = ResponseOf<typeof creditBank.myBank>;
export type BankEntry = BankView['entries']['items'][number];
export interface BankFilters {
  year?: number;
  source?: creditBank.CreditBankSource;
  category?: string;
}

/** 12 → "12", 7.2 → "7.2", 1.25 → "1.25". */
export const fmt = (x: number | null | undefined) => (x === null || x === undefined ? '—' : String(Math.round(x * 100) / 100));

/** A download URL of an export route with the filters as its query string. */
export function exportUrl(path: string, f: BankFilters): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}
