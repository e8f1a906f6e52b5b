// Request shapes of the credit routes, as the services receive them (after the contract's defaults and
// coercion). Value rules that need the active policy (cycles, categories) live in rules.ts.
import type { credits } from '@shixun/contracts';
import type { z } from 'zod';

export type EntriesQuery = z.output<typeof credits.entriesQuery>;
export type SchoolBasedInput = z.output<typeof credits.schoolBasedBody>;
export type AdjustmentInput = z.output<typeof credits.adjustmentBody>;
