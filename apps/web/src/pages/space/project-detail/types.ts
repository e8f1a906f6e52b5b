// API shapes of the teacher's project detail page: CLASS's /api/my/enrollments/:id/class and the
// timeline part of PLAN's /api/my/enrollments/:id.
import type { myClass, myProjects, ResponseOf } from '@shixun/contracts';

/** From the contract (packages/contracts/src/classes-my.ts). */
export type MyClass = ResponseOf<typeof myClass.myClass>;

/** From the contract (packages/contracts/src/my-projects.ts). */
export type PlanEnrollment = ResponseOf<typeof myProjects.myEnrollment>;
export type TimelineItem = PlanEnrollment['timeline'][number];
