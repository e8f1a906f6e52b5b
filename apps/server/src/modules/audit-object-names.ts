// How the audit log names each kind of object: every feature module's lookup, registered with the audit
// module (which the feature modules import, so it cannot import them).
import { byNumericId, nameAuditObjects } from './audit/object-names.ts';
import { certificateOwners } from './certificates/audit-names.repository.ts';
import { classNames, sessionClassNames } from './classes/audit-names.repository.ts';
import { claimOwners } from './credit-claims/audit-names.repository.ts';
import { entryOwners } from './credits/audit-names.repository.ts';
import { enrollmentOwners } from './enrollments/audit-names.repository.ts';
import { institutionNames, namesOfHolders, schoolHolder } from './org/org.ts';
import { changeOwners } from './profile/audit-names.repository.ts';
import { orderOwners } from './orders/audit-names.repository.ts';
import { projectsByIds } from './projects/projects.repository.ts';
import { personNames } from './teachers/audit-names.repository.ts';

export function registerAuditObjectNames() {
  nameAuditObjects('user', byNumericId(personNames));
  nameAuditObjects('teacher', byNumericId(personNames));
  nameAuditObjects('enrollment', byNumericId(enrollmentOwners));
  nameAuditObjects('creditClaim', byNumericId(claimOwners));
  nameAuditObjects('credit_entry', byNumericId(entryOwners));
  nameAuditObjects('certificate', byNumericId(certificateOwners));
  nameAuditObjects('order', byNumericId(orderOwners));
  nameAuditObjects('profileChange', byNumericId(changeOwners));
  nameAuditObjects('training_class', byNumericId(classNames));
  nameAuditObjects('class_session', byNumericId(sessionClassNames));
  nameAuditObjects(
    'project',
    byNumericId(async (db, ids) => new Map((await projectsByIds(db, ids)).map((p) => [p.id, p.name]))),
  );
  nameAuditObjects(
    'elective',
    byNumericId(async (db, ids) => new Map((await projectsByIds(db, ids)).map((p) => [p.id, p.name]))),
  );
  nameAuditObjects(
    'school',
    byNumericId(async (db, ids) => mapKeys(await namesOfHolders(db, ids.map(schoolHolder)), (h) => Number(h.slice(7)))),
  );
  nameAuditObjects(
    'institution',
    byNumericId(async (db, ids) => new Map((await institutionNames(db, ids)).map((i) => [i.id, i.name]))),
  );
  // a region is written as its code
  nameAuditObjects('region', async (db, codes) =>
    namesOfHolders(
      db,
      codes.filter((c) => /^\d{2,12}$/.test(c)),
    ),
  );
}

function mapKeys<K, V, J>(m: Map<K, V>, f: (k: K) => J): Map<J, V> {
  return new Map([...m].map(([k, v]) => [f(k), v]));
}
