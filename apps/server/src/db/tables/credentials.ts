import type { ColumnType } from 'kysely';
import type { NullableTs } from '../columns.ts';

// --- keys that sign verifiable credentials (019_credential_keys.sql) ---
/** A public key as published in the JWKS (RFC 7517); the columns of an RSA key. */
export interface PublicJwk {
  kty: string;
  n?: string;
  e?: string;
  [member: string]: unknown;
}
export interface CredentialKeyTable {
  kid: string;
  alg: ColumnType<string, string | undefined, never>;
  public_jwk: ColumnType<PublicJwk, string, never>;
  /** `enc:<dataKeyId>:…` at rest; read through the decrypting plugin it is the private JWK as JSON text */
  private_jwk: ColumnType<string, string, never>;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  retired_at: NullableTs;
}
export interface CredentialTables {
  credential_keys: CredentialKeyTable;
}
