import type { Deps } from '../context.ts';
import type { App } from '../http/types.ts';
import { accountRoutes } from './account/account.routes.ts';
import { adminAccountRoutes } from './admin-accounts/admin-accounts.routes.ts';
import { auditRoutes } from './audit/audit.routes.ts';
import { authRoutes } from './auth/auth.routes.ts';
import { healthRoutes } from './health.routes.ts';
import { outboxRoutes } from './notifier/outbox.routes.ts';
import { profileRoutes } from './profile/profile.routes.ts';
import { regionRoutes } from './regions/regions.routes.ts';
import { registrationRoutes } from './registrations/registrations.routes.ts';
import { securityRoutes } from './security/security.routes.ts';
import { teacherRoutes } from './teachers/teachers.routes.ts';
import { profileChangeRoutes } from './profile/profile-changes.routes.ts';
import { certificateRoutes } from './certificates/certificates.routes.ts';
import { creditRoutes } from './credits/credits.routes.ts';
import { creditClaimRoutes } from './credit-claims/credit-claims.routes.ts';
import { creditReportRoutes } from './credit-reports/credit-reports.routes.ts';
import { creditPolicyRoutes } from './credit-policies/credit-policies.routes.ts';
import { classRoutes } from './classes/classes.routes.ts';
import { projectRoutes } from './projects/projects.routes.ts';
import { enrollmentRoutes } from './enrollments/enrollments.routes.ts';
import { homeRoutes } from './home/home.routes.ts';
import { electiveRoutes } from './electives/electives.routes.ts';
import { creditBankRoutes } from './credit-bank/credit-bank.routes.ts';
import { credentialRoutes } from './credentials/credentials.routes.ts';
import { orderRoutes } from './orders/orders.routes.ts';
import { paidElectiveRoutes } from './electives/paid-enrol.routes.ts';
import { closeExpiredJob } from './orders/close-job.ts';
import { registerOrderItems } from './order-items.ts';
import { refreshStanding } from './credits/standing.ts';
import { onAssessmentFieldsChanged } from './teachers/assessment-listeners.ts';
import { registerAuditObjectNames } from './audit-object-names.ts';
import { recomputeJob } from './credit-policies/recompute.ts';
import type { JobHandler } from './jobs/runner.ts';

export function registerModules(app: App, deps: Deps) {
  // the credit standing follows the key fields that decide who is assessed (teachers does not import credits)
  onAssessmentFieldsChanged(refreshStanding);
  // the audit log names its objects through the feature modules' lookups (audit imports none of them)
  registerAuditObjectNames();
  // what orders pay for, and what paying or releasing them does (orders imports none of those modules)
  registerOrderItems();
  for (const routes of [
    healthRoutes,
    authRoutes,
    accountRoutes,
    regionRoutes,
    profileRoutes,
    profileChangeRoutes,
    teacherRoutes,
    registrationRoutes,
    outboxRoutes,
    auditRoutes,
    securityRoutes,
    adminAccountRoutes,
    creditRoutes,
    certificateRoutes,
    creditClaimRoutes,
    creditReportRoutes,
    creditPolicyRoutes,
    classRoutes,
    projectRoutes,
    enrollmentRoutes,
    homeRoutes,
    electiveRoutes,
    creditBankRoutes,
    credentialRoutes,
    orderRoutes,
    paidElectiveRoutes,
  ]) {
    routes(app, deps);
  }
}

/** The durable jobs' handlers, one per kind (server.ts runs them: modules/jobs/runner.ts). */
export const jobHandlers: readonly JobHandler[] = [recomputeJob, closeExpiredJob];
