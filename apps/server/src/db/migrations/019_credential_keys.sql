-- Keys that sign the verifiable credentials (可验证学习记录, modules/credentials): RS256 key pairs. The
-- private half is stored encrypted by the application under the personal-data key (security/pii.ts,
-- `enc:<keyId>:…`, key file outside the database), so a copy of the database cannot sign. Rotation retires
-- the signing key (retired_at) and adds a new one; retired keys stay published in the JWKS, so every
-- credential signed before the rotation still verifies.
CREATE TABLE credential_keys (
  kid text PRIMARY KEY,
  alg text NOT NULL DEFAULT 'RS256',
  public_jwk jsonb NOT NULL,
  private_jwk text NOT NULL CHECK (private_jwk LIKE 'enc:%'),
  created_at timestamptz NOT NULL DEFAULT now(),
  retired_at timestamptz
);
-- one signing key at a time: two servers creating the first key at once cannot both win
CREATE UNIQUE INDEX credential_keys_one_signing ON credential_keys ((1)) WHERE retired_at IS NULL;
