// SQL of training projects. Every read for an admin starts from visibleProjects(), which puts the
// viewer's node in the WHERE clause: a project organised in their area (drafts too), or a published
// or closed one that targets their area (an empty target list means the organiser's whole area).
import { sql, type Expression, type Insertable, type SqlBool } from 'kysely';
import type { Executor } from '../../context.ts';
import type { ProjectLevel, ProjectTable } from '../../db/types.ts';
import type { AdminNode } from '../org/org.ts';

/** The target regions in force: the list, or the organiser's own region when the list is empty. */
const effectiveTargets = sql`(CASE WHEN cardinality(p.target_region_codes) = 0 THEN ARRAY[p.organiser_region_code] ELSE p.target_region_codes END)`;

export function visibleCondition(node: Pick<AdminNode, 'level' | 'regionCode' | 'schoolId'>): Expression<SqlBool> {
  if (node.level === 'school') {
    return sql<SqlBool>`(p.organiser_school_id = ${node.schoolId} OR (p.status <> 'draft' AND p.organiser_school_id IS NULL
      AND EXISTS (SELECT 1 FROM unnest(${effectiveTargets}) AS t(code) WHERE ${node.regionCode} LIKE t.code || '%')))`;
  }
  const prefix = `${node.regionCode}%`;
  return sql<SqlBool>`(p.organiser_region_code LIKE ${prefix}
    OR p.organiser_school_id IN (SELECT id FROM schools WHERE region_code LIKE ${prefix})
    OR (p.status <> 'draft' AND EXISTS (SELECT 1 FROM unnest(${effectiveTargets}) AS t(code)
      WHERE t.code LIKE ${prefix} OR ${node.regionCode} LIKE t.code || '%')))`;
}

export function visibleProjects(db: Executor, node: Pick<AdminNode, 'level' | 'regionCode' | 'schoolId'>) {
  // electives (自主选学, kind 'elective') are projects too, but their catalogue is modules/electives
  return db.selectFrom('projects as p').where('p.kind', '=', 'project').where(visibleCondition(node));
}

export interface ProjectFilter {
  year?: number;
  level?: ProjectLevel;
  status?: 'draft' | 'published' | 'closed';
  q?: string;
  /** YYYY-MM-DD: only projects whose dates include this day (running on it) */
  activeOn?: string;
  page: number;
  pageSize: number;
}

export async function listProjects(db: Executor, node: AdminNode, f: ProjectFilter) {
  let q = visibleProjects(db, node);
  if (f.year) q = q.where('p.year', '=', f.year);
  if (f.level) q = q.where('p.level', '=', f.level);
  if (f.status) q = q.where('p.status', '=', f.status);
  if (f.q?.trim()) q = q.where('p.name', 'like', `%${f.q.trim()}%`);
  if (f.activeOn) q = q.where('p.start_date', '<=', f.activeOn).where('p.end_date', '>=', f.activeOn);
  const [rows, total] = await Promise.all([
    q
      .innerJoin('project_types as ty', 'ty.id', 'p.type_id')
      .select([
        'p.id',
        'p.name',
        'p.year',
        'p.level',
        'p.status',
        'p.organiser_name',
        'p.organiser_region_code',
        'p.organiser_school_id',
        'p.mode',
        'p.start_date',
        'p.end_date',
        'p.quota',
        'p.allow_application',
        'ty.name as type_name',
      ])
      // enrolled: teachers of the viewer's own area only, like every other figure they see
      .select((eb) =>
        eb
          .selectFrom('enrollments as e')
          .innerJoin('teachers as t', 't.user_id', 'e.teacher_id')
          .whereRef('e.project_id', '=', 'p.id')
          .where('e.status', 'in', ['reviewing', 'approved', 'assigned'])
          .where((w) =>
            node.level === 'school' ? w('t.school_id', '=', node.schoolId!) : w('t.region_code', 'like', `${node.regionCode}%`),
          )
          .select(eb.fn.countAll<number>().as('n'))
          .as('enrolled'),
      )
      .orderBy('p.id', 'desc')
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

export function findProject(db: Executor, id: number) {
  return db.selectFrom('projects').selectAll().where('id', '=', id).executeTakeFirst();
}
export type ProjectRow = NonNullable<Awaited<ReturnType<typeof findProject>>>;

export async function findVisibleProject(db: Executor, node: AdminNode, id: number): Promise<ProjectRow | undefined> {
  return visibleProjects(db, node).selectAll('p').where('p.id', '=', id).executeTakeFirst();
}

export interface ProjectNames {
  typeName: string;
  subTypeName: string | null;
  institutions: { id: number; name: string }[];
  targetRegions: { code: string; name: string }[];
  organiserRegionName: string | null;
}

/** Names behind a page of projects' ids (types, institutions, regions), in five queries whatever the count. */
export async function namesOf(db: Executor, ps: ProjectRow[]): Promise<Map<number, ProjectNames>> {
  const out = new Map<number, ProjectNames>();
  if (!ps.length) return out;
  const typeIds = [...new Set(ps.flatMap((p) => [p.type_id, p.sub_type_id ?? p.type_id]))];
  const codes = [...new Set(ps.flatMap((p) => [...p.target_region_codes, ...(p.organiser_region_code ? [p.organiser_region_code] : [])]))];
  const schoolIds = [...new Set(ps.map((p) => p.organiser_school_id).filter((x): x is number => x !== null))];
  const [types, institutions, regions, schools] = await Promise.all([
    db.selectFrom('project_types').select(['id', 'name']).where('id', 'in', typeIds).execute(),
    db
      .selectFrom('project_institutions as pi')
      .innerJoin('institutions as i', 'i.id', 'pi.institution_id')
      .select(['pi.project_id', 'i.id', 'i.name'])
      .where(
        'pi.project_id',
        'in',
        ps.map((p) => p.id),
      )
      .orderBy('i.id')
      .execute(),
    codes.length ? db.selectFrom('regions').select(['code', 'name']).where('code', 'in', codes).execute() : Promise.resolve([]),
    schoolIds.length
      ? db
          .selectFrom('schools as s')
          .innerJoin('regions as r', 'r.code', 's.region_code')
          .select(['s.id', 'r.name'])
          .where('s.id', 'in', schoolIds)
          .execute()
      : Promise.resolve([]),
  ]);
  const region = (code: string) => regions.find((r) => r.code === code)?.name ?? code;
  for (const p of ps) {
    out.set(p.id, {
      typeName: types.find((t) => t.id === p.type_id)?.name ?? '',
      subTypeName: p.sub_type_id ? (types.find((t) => t.id === p.sub_type_id)?.name ?? null) : null,
      institutions: institutions.filter((i) => i.project_id === p.id).map((i) => ({ id: i.id, name: i.name })),
      targetRegions: p.target_region_codes.map((code) => ({ code, name: region(code) })),
      organiserRegionName: p.organiser_region_code
        ? region(p.organiser_region_code)
        : (schools.find((s) => s.id === p.organiser_school_id)?.name ?? null),
    });
  }
  return out;
}

export async function projectNames(db: Executor, p: ProjectRow): Promise<ProjectNames> {
  return (await namesOf(db, [p])).get(p.id)!;
}

// ---- writes and reference checks of the plan (called inside the service's transactions) ----

export function findProjectType(db: Executor, id: number) {
  return db.selectFrom('project_types').select(['id', 'parent_id']).where('id', '=', id).executeTakeFirst();
}

/** Of these institution ids, the ones that exist. */
export function existingInstitutions(db: Executor, ids: number[]) {
  return db.selectFrom('institutions').select('id').where('id', 'in', ids).execute();
}

/** Of these region codes, the ones that exist. */
export function existingRegions(db: Executor, codes: string[]) {
  return db.selectFrom('regions').select('code').where('code', 'in', codes).execute();
}

export function findInstitution(db: Executor, id: number) {
  return db.selectFrom('institutions').select(['id', 'name']).where('id', '=', id).executeTakeFirst();
}

export type ProjectValues = Omit<Insertable<ProjectTable>, 'id' | 'status' | 'created_at' | 'published_at' | 'closed_at'>;

export async function insertProject(trx: Executor, values: ProjectValues): Promise<number> {
  return (await trx.insertInto('projects').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

/** Writes a draft; undefined when it is no longer a draft (a publish between read and write wins). */
export function updateDraft(trx: Executor, id: number, values: Partial<ProjectValues>) {
  return trx.updateTable('projects').set(values).where('id', '=', id).where('status', '=', 'draft').returning('id').executeTakeFirst();
}

export async function setInstitutions(trx: Executor, projectId: number, ids: number[]) {
  await trx.deleteFrom('project_institutions').where('project_id', '=', projectId).execute();
  const unique = [...new Set(ids)];
  if (unique.length)
    await trx
      .insertInto('project_institutions')
      .values(unique.map((institution_id) => ({ project_id: projectId, institution_id })))
      .execute();
}

/** Adds one institution to a project's list (a no-op when it is there). */
export async function addInstitution(trx: Executor, projectId: number, institutionId: number) {
  await trx
    .insertInto('project_institutions')
    .values({ project_id: projectId, institution_id: institutionId })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function institutionIdsOf(db: Executor, projectId: number): Promise<number[]> {
  const rows = await db.selectFrom('project_institutions').select('institution_id').where('project_id', '=', projectId).execute();
  return rows.map((r) => r.institution_id);
}

/** draft → published; undefined when it was not a draft any more. */
export function markPublished(trx: Executor, id: number) {
  return trx
    .updateTable('projects')
    .set({ status: 'published', published_at: new Date() })
    .where('id', '=', id)
    .where('status', '=', 'draft')
    .returning('quota')
    .executeTakeFirst();
}

/** published → closed; undefined when it was not published. */
export function markClosed(trx: Executor, id: number) {
  return trx
    .updateTable('projects')
    .set({ status: 'closed', closed_at: new Date() })
    .where('id', '=', id)
    .where('status', '=', 'published')
    .returning('id')
    .executeTakeFirst();
}

export function projectsByIds(db: Executor, ids: number[]) {
  return ids.length ? db.selectFrom('projects').selectAll().where('id', 'in', ids).execute() : Promise.resolve([]);
}

/** The fixed type row of electives (018_electives.sql): not a choice on the projects' form. */
export const ELECTIVE_TYPE_NAME = '自主选学';

export function listProjectTypes(db: Executor) {
  return db
    .selectFrom('project_types')
    .select(['id', 'name', 'parent_id'])
    .where((eb) => eb.or([eb('name', '<>', ELECTIVE_TYPE_NAME), eb('parent_id', 'is not', null)]))
    .orderBy('sort')
    .orderBy('id')
    .execute();
}

export async function electiveTypeId(db: Executor): Promise<number> {
  const r = await db
    .selectFrom('project_types')
    .select('id')
    .where('name', '=', ELECTIVE_TYPE_NAME)
    .where('parent_id', 'is', null)
    .executeTakeFirstOrThrow();
  return r.id;
}

export function listInstitutions(db: Executor) {
  return db.selectFrom('institutions').select(['id', 'code', 'name']).orderBy('code').execute();
}
