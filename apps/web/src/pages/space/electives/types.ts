import type { electives, ResponseOf } from '@shixun/contracts';

export type MyTab = 'learning' | 'passed' | 'failed';
export type MyElective = ResponseOf<typeof electives.myElectives>['items'][number];
export type ElectiveSummary = ResponseOf<typeof electives.catalogue>['items'][number];
export type CatalogueDetail = ResponseOf<typeof electives.catalogueDetail>;
