// Column shapes shared by the row types.
import type { ColumnType } from 'kysely';

export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type NullableTs = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
export type DateCol = ColumnType<string | null, string | null | undefined, string | null>;
