// Shapes of the institution's class pages, derived from the contracts (packages/contracts/src/classes*.ts).
import type { classes, classSchedule, classScores, ResponseOf } from '@shixun/contracts';

export type ClassListItem = ResponseOf<typeof classes.listClasses>['items'][number];
export type ClassDetail = ResponseOf<typeof classes.classDetail>;
export type Trainee = ClassDetail['trainees'][number];
export type Notice = ClassDetail['class']['notice'];
export type NoticeFile = ClassDetail['class']['files'][number];

export type SessionList = ResponseOf<typeof classSchedule.listSessions>;
export type Session = SessionList['items'][number];
export type CheckinCode = ResponseOf<typeof classSchedule.checkinCode>;
export type Attendance = ResponseOf<typeof classSchedule.sessionCheckins>;

export type SaveScoresResult = ResponseOf<typeof classScores.saveScores>;
export type ImportResult = ResponseOf<typeof classScores.importScores>;
export type ImportRow = ImportResult['rows'][number];

/** The class's (with its trainee count) or a project's summary: the view shows either. */
export type EvaluationSummary = Omit<ResponseOf<typeof classScores.classEvaluation>, 'trainees'> & { trainees?: number };
export type QuestionSummary = EvaluationSummary['questions'][number];
