import type { electives, ResponseOf } from '@shixun/contracts';

export type AdminElective = ResponseOf<typeof electives.getElective>['elective'];
export type ElectiveRow = ResponseOf<typeof electives.listElectives>['items'][number];
export type Learner = ResponseOf<typeof electives.learners>['items'][number];
