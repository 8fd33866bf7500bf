/**
 * Settings of the デジタル認証アプリ connection (the My Number Card through the
 * resident's phone), checked once at start-up. One provider block for the
 * operator; a municipality that registered itself with the Digital Agency
 * runs its own instance with its own block (see README "My Number Card").
 */
import { existsSync, readFileSync } from 'node:fs';
import { X509Certificate } from 'node:crypto';
import { ConfigError } from '../../errors';
import { integerSetting } from '../../envSettings';

export interface CardProviderConfig {
  /** The provider's issuer (discovery at `/.well-known/openid-configuration`). */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Base URL of the sign-transactions API (default: the issuer's origin + `/api`). */
  apiBase: string;
  /** CA certificates the 署名用電子証明書 must chain up to (JPKI's signing CAs; none bundled). */
  trustAnchors: X509Certificate[];
  /** Where the trust anchors came from (shown at start-up). */
  trustAnchorsFile?: string;
  /** RP's private key (PEM, RSA) that the signature result is encrypted to; generated into DATA_DIR when unset. */
  encryptionKeyFile?: string;
  /** How long a resident stays signed in with the card (minutes). */
  sessionMinutes: number;
  /** The municipalities this registration covers (6-digit codes); absent: every municipality on the platform. */
  municipalities?: string[];
}

const LOOPBACK = ['localhost', '127.0.0.1', '[::1]'];

/** Splits a PEM bundle into certificates; a file that holds none is a configuration error. */
export function readCertificateBundle(file: string, variable: string): X509Certificate[] {
  if (!existsSync(file)) throw new ConfigError(`${variable}: file not found (${file})`);
  const blocks = readFileSync(file, 'utf8').match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  if (blocks.length === 0) throw new ConfigError(`${variable}: no PEM certificate in ${file}`);
  return blocks.map((pem) => new X509Certificate(pem));
}

export function loadIdentityConfig(env: NodeJS.ProcessEnv): CardProviderConfig | undefined {
  const { MYNA_ISSUER: issuer, MYNA_CLIENT_ID: clientId, MYNA_CLIENT_SECRET: clientSecret } = env;
  if (!issuer && !clientId && !clientSecret) return undefined;
  const missing = [
    ['MYNA_ISSUER', issuer],
    ['MYNA_CLIENT_ID', clientId],
    ['MYNA_CLIENT_SECRET', clientSecret],
  ]
    .filter(([, v]) => !v)
    .map(([k]) => k);
  if (missing.length > 0) throw new ConfigError(`My Number Card sign-in is half configured: ${missing.join(', ')} missing (MYNA_ISSUER, MYNA_CLIENT_ID and MYNA_CLIENT_SECRET go together)`);
  let url: URL;
  try {
    url = new URL(issuer!);
  } catch {
    throw new ConfigError(`MYNA_ISSUER must be an absolute URL (got "${issuer}")`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.includes(url.hostname))) {
    throw new ConfigError('MYNA_ISSUER must use https (http only for a stand-in on localhost)');
  }
  const anchorsFile = env.MYNA_TRUST_ANCHORS || undefined;
  return {
    issuer: issuer!,
    clientId: clientId!,
    clientSecret: clientSecret!,
    apiBase: (env.MYNA_API_BASE || `${url.origin}/api`).replace(/\/$/, ''),
    trustAnchors: anchorsFile ? readCertificateBundle(anchorsFile, 'MYNA_TRUST_ANCHORS') : [],
    ...(anchorsFile ? { trustAnchorsFile: anchorsFile } : {}),
    ...(env.MYNA_ENCRYPTION_KEY_FILE ? { encryptionKeyFile: env.MYNA_ENCRYPTION_KEY_FILE } : {}),
    sessionMinutes: integerSetting(env, 'MYNA_SESSION_MINUTES', 30, 5, 120),
    ...municipalityList(env.MYNA_MUNICIPALITIES),
  };
}

function municipalityList(raw: string | undefined): { municipalities?: string[] } {
  if (!raw?.trim()) return {};
  const codes = raw.split(',').map((c) => c.trim());
  const bad = codes.filter((c) => !/^\d{6}$/.test(c));
  if (bad.length) throw new ConfigError(`MYNA_MUNICIPALITIES must list 6-digit municipality codes (got ${bad.map((b) => `"${b}"`).join(', ')})`);
  return { municipalities: codes };
}

/** What the operator still has to set for signatures to verify (printed at start-up). */
export function identityStartupWarnings(config: CardProviderConfig | undefined): string[] {
  if (!config) return [];
  return config.trustAnchors.length === 0 ? ['MYNA_TRUST_ANCHORS is not set: electronic signatures cannot be verified, so procedures that require one cannot be submitted online'] : [];
}
