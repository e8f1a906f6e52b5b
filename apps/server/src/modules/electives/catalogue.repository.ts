// SQL of the teacher's side: the catalogue (only what this teacher may take today), one elective's
// detail, and the teacher's own elective enrolments (我的自主选学). Always by the id in the session.
import { sql, type SqlBool } from 'kysely';
import type { Executor } from '../../context.ts';
import { ELECTIVE_COLUMNS, electivesBase } from './electives.repository.ts';

export interface TeacherFacts {
  id: number;
  regionCode: string;
  schoolId: number;
  stage: string | null;
}

export interface CatalogueFilter {
  q?: string;
  stage?: string;
  subject?: string;
  category?: string;
  mode?: 'online' | 'onsite' | 'blended';
  price?: 'free' | 'paid';
  providerId?: number;
  sort: 'newest' | 'start' | 'credits' | 'price';
  page: number;
  pageSize: number;
}

const takenSql = sql<number>`(SELECT count(*)::int FROM enrollments e WHERE e.project_id = p.id AND e.status = 'assigned')`;

/** Published, in the catalogue, and the teacher's area is among its targets (else the organiser's area). */
function forTeacher(t: TeacherFacts) {
  return sql<SqlBool>`(p.status = 'published' AND el.review_status = 'published' AND EXISTS (
    SELECT 1 FROM unnest(CASE WHEN cardinality(p.target_region_codes) = 0 THEN ARRAY[p.organiser_region_code] ELSE p.target_region_codes END) AS x(code)
    WHERE ${t.regionCode} LIKE x.code || '%'))`;
}

/** What the teacher may take today: their area and stage, enrolment open, not enrolled (or passed) already. */
export async function catalogueFor(db: Executor, t: TeacherFacts, today: string, f: CatalogueFilter) {
  let q = electivesBase(db)
    .where(forTeacher(t))
    .where((eb) => eb.or([eb('p.apply_start', 'is', null), eb('p.apply_start', '<=', today)]))
    .where((eb) => eb.or([eb('p.apply_end', 'is', null), eb('p.apply_end', '>=', today)]))
    .where(sql<SqlBool>`(cardinality(p.target_stages) = 0 OR ${t.stage ?? ''} = ANY(p.target_stages))`)
    .where(
      sql<SqlBool>`NOT EXISTS (SELECT 1 FROM enrollments m WHERE m.project_id = p.id AND m.teacher_id = ${t.id} AND m.status <> 'withdrawn')`,
    );
  if (f.q?.trim()) {
    const like = `%${f.q.trim()}%`;
    q = q.where((eb) => eb.or([eb('p.name', 'like', like), eb('el.provider_name', 'like', like), eb('el.description', 'like', like)]));
  }
  if (f.stage) q = q.where(sql<SqlBool>`(cardinality(p.target_stages) = 0 OR ${f.stage} = ANY(p.target_stages))`);
  if (f.subject) q = q.where(sql<SqlBool>`(cardinality(p.target_subjects) = 0 OR ${f.subject} = ANY(p.target_subjects))`);
  if (f.category) q = q.where('p.credit_category', '=', f.category);
  if (f.mode) q = q.where('p.mode', '=', f.mode);
  if (f.price === 'free') q = q.where('el.price_fen', '=', 0);
  if (f.price === 'paid') q = q.where('el.price_fen', '>', 0);
  if (f.providerId) q = q.where('el.provider_institution_id', '=', f.providerId);
  // free courses first whatever the order asked (paid ones cannot be taken until online payment opens)
  let ordered = q.select(ELECTIVE_COLUMNS).select(takenSql.as('taken')).orderBy(sql`el.price_fen > 0`);
  if (f.sort === 'start') ordered = ordered.orderBy('p.start_date').orderBy('p.id', 'desc');
  else if (f.sort === 'credits') ordered = ordered.orderBy('p.credit_amount_h', 'desc').orderBy('p.id', 'desc');
  else if (f.sort === 'price') ordered = ordered.orderBy('el.price_fen').orderBy('p.id', 'desc');
  else ordered = ordered.orderBy('p.id', 'desc');
  const [rows, total] = await Promise.all([
    ordered
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize)
      .execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n) };
}

/** The providers with something in the catalogue (the filter's list). */
export function catalogueProviders(db: Executor) {
  return electivesBase(db)
    .innerJoin('institutions as i', 'i.id', 'el.provider_institution_id')
    .select(['i.id', 'i.name'])
    .where('el.review_status', '=', 'published')
    .groupBy(['i.id', 'i.name'])
    .orderBy('i.name')
    .execute();
}

/** An elective the teacher may look at: published for their area, or one they are enrolled in. */
export function electiveForTeacher(db: Executor, t: TeacherFacts, id: number) {
  return electivesBase(db)
    .select(ELECTIVE_COLUMNS)
    .select(takenSql.as('taken'))
    .where('p.id', '=', id)
    .where((eb) =>
      eb.or([
        forTeacher(t),
        eb.exists(
          eb
            .selectFrom('enrollments as m')
            .select('m.id')
            .whereRef('m.project_id', '=', 'p.id')
            .where('m.teacher_id', '=', t.id)
            .where('m.status', '<>', 'withdrawn'),
        ),
      ]),
    )
    .executeTakeFirst();
}

/** The teacher's elective enrolments (placed, not cancelled), newest first; or one of them. */
export function myElectiveRows(db: Executor, teacherId: number, f: { projectId?: number; enrollmentId?: number } = {}) {
  let q = electivesBase(db)
    .innerJoin('enrollments as e', 'e.project_id', 'p.id')
    .select(ELECTIVE_COLUMNS)
    .select(takenSql.as('taken'))
    .select([
      'e.id as enrollment_id',
      'e.version as enrollment_version',
      'e.progress',
      'e.total_score',
      'e.online_score',
      'e.result',
      'e.certificate_id',
      'e.created_at as enrolled_at',
    ])
    .where('e.teacher_id', '=', teacherId)
    .where('e.origin', '=', 'self')
    .where('e.status', '=', 'assigned');
  if (f.projectId) q = q.where('p.id', '=', f.projectId);
  if (f.enrollmentId) q = q.where('e.id', '=', f.enrollmentId);
  return q.orderBy('e.created_at', 'desc').orderBy('e.id', 'desc').limit(500).execute();
}
export type MyElectiveRow = Awaited<ReturnType<typeof myElectiveRows>>[number];

/** The teacher's stage and place, for what the catalogue offers them. */
export function teacherFactsRow(db: Executor, teacherId: number) {
  return db
    .selectFrom('teachers')
    .select(['user_id', 'region_code', 'school_id', 'stage'])
    .where('user_id', '=', teacherId)
    .executeTakeFirst();
}
