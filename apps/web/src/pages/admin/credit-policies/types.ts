// Shapes of /api/credit-policies/* (see apps/server/src/modules/credit-policies/).

export interface PolicyVersionRow {
  version: number;
  policyId: string;
  name: string;
  active: boolean;
  createdBy: string;
  createdAt: string;
}

export interface PolicyDocument {
  version: number;
  policyId: string;
  active: boolean;
  createdAt: string;
  document: Record<string, unknown>;
}

export interface ValidateResult {
  valid: boolean;
  errors: string[];
}

export interface PreviewTally {
  version: number | null;
  name: string;
  cycle: string;
  assessed: number;
  compliant: number;
  completed: number;
  rate: number | null;
  byCategory: { id: string; name: string; met: number }[];
}

export type PreviewResult =
  | { valid: false; errors: string[] }
  | {
      valid: true;
      errors: string[];
      asOf: string;
      population: number;
      evaluated: number;
      sampled: boolean;
      current: PreviewTally;
      draft: PreviewTally;
      becameCompliant: number;
      becameNonCompliant: number;
    };

export interface RecomputeStatus {
  state: 'idle' | 'running' | 'done' | 'failed' | 'cancelled';
  version: number | null;
  total: number;
  done: number;
  startedAt: string | null;
  finishedAt: string | null;
  error: string | null;
}

export interface PublishResult {
  version: number;
  previousVersion: number;
  recompute: RecomputeStatus;
}
