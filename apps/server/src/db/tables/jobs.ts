import type { ColumnType, Generated } from 'kysely';
import type { NullableTs } from '../columns.ts';

// --- durable background jobs (016_jobs.sql) ---
export type JobStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
type Json = ColumnType<Record<string, unknown>, string, string>;
type NullableJson = ColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;
type NullableNum = ColumnType<number | null, number | null | undefined, number | null>;
export interface JobTable {
  id: Generated<number>;
  kind: string;
  payload: Json;
  unique_key: string | null;
  status: Generated<JobStatus>;
  run_at: ColumnType<Date, Date | string | undefined, Date | string>;
  progress_done: Generated<number>;
  progress_total: NullableNum;
  state: NullableJson;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  locked_by: string | null;
  locked_until: NullableTs;
  error: string | null;
  created_by: NullableNum;
  created_at: Generated<Date>;
  started_at: NullableTs;
  updated_at: Generated<Date>;
  finished_at: NullableTs;
}
export interface JobTables {
  jobs: JobTable;
}
