// 管理员账号 and the two-person requests in the scope matrix.
// Reset / status take an account id whose meaning depends on the caller (a province admin looks after
// city admins, a city admin county admins, a county admin school admins), so the matrix checks only
// who may call them; admin-accounts.test.ts tries each creator on accounts in and out of its scope.
//   platformRequest  a pending request by demo-security (to create an audit admin): the audit admin decides it
import { expect } from 'vitest';
import type { Entry, MatrixPart } from './types.ts';

const CREATORS: Entry['allow'] = ['province_admin', 'city_admin', 'county_admin'];

const entries: Record<string, Entry> = {
  'GET /api/admin-accounts': { allow: ['province_admin', 'city_admin', 'county_admin', 'sys_admin', 'security_admin', 'audit_admin'] },
  // a county admin of 兴宁区: only demo-city creates it, the other creators are told which roles are theirs (400)
  'POST /api/admin-accounts': {
    allow: CREATORS,
    body: { loginName: 'matrix-admin', name: '矩阵', role: 'county_admin', regionCode: '450102' },
  },
  'POST /api/admin-accounts/:id/password-reset': { allow: CREATORS },
  'POST /api/admin-accounts/:id/status': { allow: CREATORS, body: { status: 'active' } },
  'GET /api/admin-account-requests': { allow: ['security_admin', 'audit_admin'] },
  'POST /api/admin-account-requests': {
    allow: ['security_admin'],
    body: { action: 'create', role: 'audit_admin', loginName: 'matrix-audit', name: '矩阵', reason: '矩阵测试' },
  },
  'POST /api/admin-account-requests/:id/decision': {
    allow: ['audit_admin'],
    obj: 'platformRequest',
    body: { version: 1, approve: false, reason: '矩阵测试' },
  },
};

export const part: MatrixPart = {
  entries,
  async setup({ client }) {
    const security = await client('demo-security');
    const r = await security.post('/api/admin-account-requests', {
      action: 'create',
      role: 'security_admin',
      loginName: 'matrix-security',
      name: '矩阵',
      reason: '矩阵测试',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return { platformRequest: [r.body.id, r.body.id] };
  },
};
