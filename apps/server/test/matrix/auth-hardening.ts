// Registration challenge, the second login step and two-factor enrolment in the scope matrix.
import { ALL, PUBLIC, type MatrixPart } from './types.ts';

export const part: MatrixPart = {
  entries: {
    'GET /api/auth/challenge': { allow: PUBLIC },
    'POST /api/auth/login/totp': { allow: PUBLIC },
    'GET /api/account/totp': { allow: ALL },
    'POST /api/account/totp/setup': { allow: ALL },
    'POST /api/account/totp/enable': { allow: ALL },
    'POST /api/account/totp/disable': { allow: ALL },
  },
};
