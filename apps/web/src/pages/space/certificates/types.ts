// 证书 as the contract (packages/contracts/src/certificates.ts) describes it.
import type { ResponseOf, certificates } from '@shixun/contracts';

export type CertificateItem = ResponseOf<typeof certificates.myCertificates>['items'][number];
export type CertificateKind = CertificateItem['kind'];
export type CreditOptions = ResponseOf<typeof certificates.creditOptions>;
export type IssueAnswer = ResponseOf<typeof certificates.issueCredit>;
