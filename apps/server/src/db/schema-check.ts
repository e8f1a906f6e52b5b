// The hand-written row types (types.ts, tables/*.ts) narrow what the generated ones (generated.ts, from the
// migrations by kysely-codegen) say: a status among a few values, a JSON shape, a column the app never inserts.
// This file does not run; it fails the type check when the two drift apart: a table or column that one has and
// the other lacks, a nullable column typed as not null (or the reverse), or a type the database cannot hold.
import type { SelectType } from 'kysely';
import type { DB as Generated, JsonObject } from './generated.ts';
import type { Database } from './types.ts';

type Sel<T> = { [K in keyof T]: SelectType<T[K]> };
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type NullIn<T> = null extends T ? 'nullable' : 'not null';
/** For each column: ok, or what is wrong with it. */
type ColumnProblems<H, G> = {
  [K in keyof H | keyof G]: K extends keyof G
    ? K extends keyof H
      ? JsonObject extends Sel<G>[K]
        ? 'ok' // jsonb: the app reads the shape it writes (and the generated type cannot tell null from JSON null)
        : Same<NullIn<Sel<H>[K]>, NullIn<Sel<G>[K]>> extends false
          ? `nullability differs: ${NullIn<Sel<H>[K]>} by hand, ${NullIn<Sel<G>[K]>} in the database`
          : Sel<H>[K] extends Sel<G>[K]
            ? 'ok'
            : 'hand-written type is not one the database column holds'
      : 'column missing from the hand-written type'
    : 'column not in the database';
};
type TableProblems = {
  [T in keyof Database | keyof Generated]: T extends keyof Generated
    ? T extends keyof Database
      ? Exclude<ColumnProblems<Database[T], Generated[T]>[keyof ColumnProblems<Database[T], Generated[T]>], 'ok'>
      : 'table missing from the hand-written Database'
    : 'table not in the database';
};
type Offending = { [T in keyof TableProblems as TableProblems[T] extends never ? never : T]: TableProblems[T] };

/** Fails to compile listing every offending table (hover it, or read the tsc message). */
export const schemaMatchesMigrations: Same<Offending, {}> = true;
