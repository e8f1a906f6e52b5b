// Answers of /api/certificates/* as this page uses them (see apps/server/src/modules/certificates).

export type CertificateKind = 'credit' | 'completion';

export interface CertificateItem {
  id: number;
  kind: CertificateKind;
  kindLabel: string;
  title: string;
  /** SX-XXXX-XXXX-XXXX-XXXX */
  code: string;
  subject: string;
  result: string;
  issuedAt: string;
  status: 'valid' | 'revoked';
  statusLabel: string;
  verifyPath: string;
}

export interface IssueAnswer {
  certificate: CertificateItem;
  /** true when the figures had not changed and the earlier certificate came back */
  reused: boolean;
}

export interface CreditOptions {
  policy: { name: string; version: number };
  unit: string;
  asOf: string;
  currentCycleId: string;
  cycles: {
    id: string;
    name: string;
    startYear: number;
    endYear: number;
    status: string;
    statusLabel: string;
    issuable: boolean;
    years: { year: number; issuable: boolean }[];
  }[];
}
