// Shapes of the 我的专项培训 API (GET /api/my/projects, /api/my/projects/open, /api/my/enrollments/:id),
// derived from the contract (packages/contracts/src/my-projects.ts).
import type { myProjects, ResponseOf } from '@shixun/contracts';

export type MyProjectsResponse = ResponseOf<typeof myProjects.myProjects>;
export type TeacherTab = MyProjectsResponse['tabs'][number]['key'];
export type ProjectCardData = MyProjectsResponse['items'][number];
export type CardProject = ProjectCardData['project'];
export type CardEnrollment = ProjectCardData['enrollment'];
export type TimelineItem = ProjectCardData['timeline'][number];
export type OpenProject = ResponseOf<typeof myProjects.openProjects>['items'][number];
