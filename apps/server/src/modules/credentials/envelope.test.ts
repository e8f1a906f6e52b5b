import { describe, expect, it } from 'vitest';
import { AppError } from '../../http/errors.ts';
import { credentialJwt } from './envelope.ts';
import { certificateCredential, describeClaims, transcriptCredential } from './vc.ts';

const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJhIjoxfQ.c2ln';

describe('credential files', () => {
  it('finds the JWT in a .jwt file and in the JSON shapes people hand around', () => {
    expect(credentialJwt(`\uFEFF  ${JWT}\n`)).toBe(JWT);
    expect(credentialJwt(JSON.stringify(JWT))).toBe(JWT);
    expect(credentialJwt(JSON.stringify({ credential: JWT }))).toBe(JWT);
    expect(credentialJwt(JSON.stringify({ jwt: JWT }))).toBe(JWT);
    expect(credentialJwt(JSON.stringify({ proof: { type: 'JwtProof2020', jwt: JWT } }))).toBe(JWT);
    expect(credentialJwt(JSON.stringify({ type: 'EnvelopedVerifiableCredential', id: `data:application/vc+jwt,${JWT}` }))).toBe(JWT);
  });

  it('refuses what is not one with a 400 in Chinese', () => {
    for (const text of [
      '',
      'hello',
      'a.b',
      '{',
      '{"credential":{"credential":{"credential":{"credential":{"jwt":"a.b.c"}}}}}',
      '[1]',
      'a.b.c d',
    ]) {
      let err: unknown;
      try {
        credentialJwt(text);
      } catch (e) {
        err = e;
      }
      expect(err, text).toBeInstanceOf(AppError);
      expect((err as AppError).status).toBe(400);
      expect((err as AppError).message).toContain('不是可验证凭证');
    }
  });
});

describe('credential payloads', () => {
  const issuer = { origin: 'https://px.example.cn', name: '广西中小学教师培训管理信息系统' };
  const now = new Date('2026-05-01T02:00:00Z');

  it('an OpenBadgeCredential of a certificate reads back as what it says', () => {
    const c = certificateCredential({
      issuer,
      holder: { name: '李秀英', idNumber: '450102199001010117' },
      cert: {
        code: 'SX-2222-3333-4444-5555',
        kindLabel: '学分证书',
        title: '十四五周期学分证书',
        subject: '十四五学分',
        result: '已达标',
        issuedAt: now,
      },
      id: 'urn:uuid:1',
      now,
    });
    expect(c).toMatchObject({ iss: issuer.origin, jti: 'urn:uuid:1', nbf: now.getTime() / 1000 });
    expect(JSON.stringify(c)).not.toContain('450102199001010117');
    expect(describeClaims(c)).toMatchObject({
      kind: 'certificate',
      code: 'SX-2222-3333-4444-5555',
      name: '李秀英',
      title: '十四五周期学分证书',
    });
  });

  it('a ClrCredential embeds one achievement per entry and is good for a year', () => {
    const c = transcriptCredential({
      issuer,
      holder: { name: '王伟', idNumber: null },
      transcript: {
        entries: [
          {
            id: 1,
            date: '2025-03-01',
            title: '远程培训',
            categoryName: '公共必修',
            sourceLabel: '专项培训',
            formLabel: '远程培训',
            amount: 6,
            hours: 18,
            certifier: '教育厅',
          },
        ],
        total: { amount: 6, hours: 18, entries: 1 },
        cycles: ['十四五（2021–2025）：6 学分'],
      },
      id: 'urn:uuid:2',
      now,
    });
    expect(c.exp).toBe(Math.floor(now.getTime() / 1000) + 365 * 86400);
    const d = describeClaims(c);
    expect(d).toMatchObject({ kind: 'transcript', name: '王伟', code: null, summary: '合计 6 学分、18 学时，1 条记录' });
    expect((c.vc.credentialSubject as { verifiableCredential: unknown[] }).verifiableCredential).toHaveLength(1);
  });
});
