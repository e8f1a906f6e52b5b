// 可验证学习记录 in the scope matrix: the holder's downloads (the certificate objects are the ones
// matrix/certificates.ts issues, one per side), the public keys and check, and the key rotation.
import { PUBLIC, type MatrixPart } from './types.ts';

export const part: MatrixPart = {
  entries: {
    'GET /api/credentials/certificates/:id': { allow: ['teacher'], obj: 'certificate' },
    'GET /api/credentials/transcript': { allow: ['teacher'] },
    'GET /api/credentials/jwks': { allow: PUBLIC },
    // an empty body: 400, never 401
    'POST /api/credentials/verify': { allow: PUBLIC },
    'POST /api/credentials/keys/rotate': { allow: ['security_admin'] },
  },
};
