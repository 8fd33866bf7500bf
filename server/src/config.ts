/**
 * Configuration from the environment, checked once at start-up. A bad value
 * stops the server with a message naming the variable, never a silent default.
 * Every variable here is documented in README.md ("Configuration").
 */
import { loadAnchorConfig, type AnchorConfig } from './modules/auditAnchor/anchorConfig';
import { CARD_AGENT_DEFAULT_PORT } from '@madoguchi/shared';
import { loadIdentityConfig, type CardProviderConfig } from './modules/identity/identityConfig';
import { resolve } from 'node:path';
import { ConfigError } from './errors';
import { loadAuthConfig, type AuthConfig } from './auth/authConfig';
import { loadBackofficeConfig, type BackofficeConfig } from './modules/backoffice/backofficeConfig';
import { loadScanConfig, type ScanConfig } from './modules/uploads/scanConfig';
import { integerSetting } from './envSettings';
import { loadAdmissionConfig, type AdmissionConfig } from './modules/admission/admissionConfig';

export interface Config {
  port: number;
  host: string;
  /** Server processes sharing the port (1 = no cluster); see cluster.ts. */
  workers: number;
  /** How long a background job's lease lasts without renewal: the time another instance waits before taking over a dead one's jobs (issue #23). */
  jobLeaseSeconds: number;
  dataDir: string;
  mongodbUri?: string;
  /** How long an SQLite write waits for a lock held by another connection before answering 503. */
  sqliteBusyTimeoutMs: number;
  /** On SIGTERM: how long requests in flight may take to finish before their connections are cut. */
  shutdownGraceSeconds: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Largest JSON body accepted, in bytes (larger → 413). */
  maxJsonBytes: number;
  /** Largest uploaded file, in bytes (procedures may set lower limits). */
  maxUploadBytes: number;
  /** Days a saved draft (resume link) is kept after its last save. */
  draftTtlDays: number;
  /** Hours after which files never submitted are removed (at least the draft lifetime). */
  abandonedUploadHours: number;
  trustProxy: boolean;
  /** Public base URL, used in links sent to residents (resume links, emails). */
  publicUrl: string;
  /**
   * Where the counter PCs' card-reader agents answer (COUNTER_CARD_AGENT_URLS, loopback only): the
   * console's Content-Security-Policy lets its pages call them and nothing else off the site.
   */
  cardAgentUrls: string[];
  /** 32-byte key (base64) for signing secrets and sessions; generated into DATA_DIR when unset. */
  secretKey?: string;
  /** 32-byte key (base64) encrypting personal data at rest; generated into DATA_DIR when unset. */
  dataEncryptionKey?: string;
  /** Earlier data keys (base64), still needed to read data sealed before a key rotation. */
  dataEncryptionOldKeys: string[];
  /** Per-IP limits per minute on public routes; 0 turns a limit off (benchmarks, trusted networks). */
  rateLimits: { intakePerMinute: number; lookupPerMinute: number; receiptLookupPerMinute: number; uploadPerMinute: number };
  /** Submissions and uploads in flight and waiting, per process; beyond them → 503 + Retry-After (modules/admission). */
  admission: AdmissionConfig;
  nodeEnv: string;
  /** Staff sign-in: lockout, sessions, invitations, e-mail, OpenID Connect (auth/authConfig.ts). */
  auth: AuthConfig;
  /** Webhooks, outbox dispatcher, applicant e-mail, retention job (modules/backoffice/backofficeConfig.ts). */
  backoffice: BackofficeConfig;
  /** Signed checkpoints of the audit chain, kept outside the database (modules/auditAnchor/anchorConfig.ts). */
  auditAnchor: AnchorConfig;
  /** Malware scanning of uploads through clamd; absent = off (modules/uploads/scanConfig.ts). */
  malwareScan?: ScanConfig;
  /** The デジタル認証アプリ (My Number Card sign-in and signatures); absent = not offered (modules/identity/identityConfig.ts). */
  identity?: CardProviderConfig;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

function key(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const raw = env[name];
  if (!raw) return undefined;
  if (Buffer.from(raw, 'base64').length !== 32) throw new ConfigError(`${name} must be 32 bytes in base64 (openssl rand -base64 32)`);
  return raw;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = integerSetting(env, 'PORT', 3000, 0, 65535);
  const logLevel = (env.LOG_LEVEL ?? 'info') as Config['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${env.LOG_LEVEL}")`);
  const mongodbUri = env.MONGODB_URI || undefined;
  if (mongodbUri && !/^mongodb(\+srv)?:\/\//.test(mongodbUri)) throw new ConfigError('MONGODB_URI must start with mongodb:// or mongodb+srv://');
  const trustProxyRaw = env.TRUST_PROXY ?? 'false';
  if (!['true', 'false'].includes(trustProxyRaw)) throw new ConfigError('TRUST_PROXY must be true or false');
  const publicUrl = env.PUBLIC_URL ?? `http://localhost:${port}`;
  try {
    new URL(publicUrl);
  } catch {
    throw new ConfigError(`PUBLIC_URL must be an absolute URL (got "${publicUrl}")`);
  }
  const draftTtlDays = integerSetting(env, 'DRAFT_TTL_DAYS', 30, 1, 365);
  const abandonedUploadHours = integerSetting(env, 'ABANDONED_UPLOAD_HOURS', draftTtlDays * 24, 1, 24 * 400);
  if (abandonedUploadHours < draftTtlDays * 24) {
    throw new ConfigError(`ABANDONED_UPLOAD_HOURS (${abandonedUploadHours}) must be at least DRAFT_TTL_DAYS × 24 (${draftTtlDays * 24}): files of saved drafts must outlive the drafts`);
  }
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    workers: integerSetting(env, 'WORKERS', 1, 1, 64),
    jobLeaseSeconds: integerSetting(env, 'JOB_LEASE_SECONDS', 30, 1, 3600),
    dataDir: resolve(env.DATA_DIR ?? 'data'),
    mongodbUri,
    sqliteBusyTimeoutMs: integerSetting(env, 'SQLITE_BUSY_TIMEOUT_MS', 5000, 0, 600_000),
    shutdownGraceSeconds: integerSetting(env, 'SHUTDOWN_GRACE_SECONDS', 10, 1, 3600),
    logLevel,
    maxJsonBytes: integerSetting(env, 'MAX_JSON_KB', 512, 16, 10240) * 1024,
    maxUploadBytes: integerSetting(env, 'MAX_UPLOAD_MB', 10, 1, 100) * 1024 * 1024,
    draftTtlDays,
    abandonedUploadHours,
    trustProxy: trustProxyRaw === 'true',
    publicUrl: publicUrl.replace(/\/$/, ''),
    cardAgentUrls: cardAgentUrls(env.COUNTER_CARD_AGENT_URLS),
    secretKey: key(env, 'SECRET_KEY'),
    dataEncryptionKey: key(env, 'DATA_ENCRYPTION_KEY'),
    dataEncryptionOldKeys: (env.DATA_ENCRYPTION_OLD_KEYS ?? '')
      .split(',')
      .map((k) => k.trim())
      .filter(Boolean)
      .map((k, i) => key({ [`DATA_ENCRYPTION_OLD_KEYS[${i}]`]: k }, `DATA_ENCRYPTION_OLD_KEYS[${i}]`)!),
    rateLimits: {
      intakePerMinute: integerSetting(env, 'RATE_LIMIT_INTAKE_PER_MIN', 30, 0, 1_000_000),
      lookupPerMinute: integerSetting(env, 'RATE_LIMIT_LOOKUP_PER_MIN', 60, 0, 1_000_000),
      receiptLookupPerMinute: integerSetting(env, 'RATE_LIMIT_RECEIPT_PER_MIN', 20, 0, 1_000_000),
      uploadPerMinute: integerSetting(env, 'RATE_LIMIT_UPLOAD_PER_MIN', 120, 0, 1_000_000),
    },
    admission: loadAdmissionConfig(env),
    nodeEnv: env.NODE_ENV ?? 'production',
    auth: loadAuthConfig(env),
    backoffice: loadBackofficeConfig(env),
    auditAnchor: loadAnchorConfig(env, resolve(env.DATA_DIR ?? 'data')),
    malwareScan: loadScanConfig(env),
    identity: loadIdentityConfig(env),
  };
}

/** The card-reader agent runs on the counter PC itself: only loopback addresses (a port or `*`) are accepted. */
function cardAgentUrls(raw: string | undefined): string[] {
  const urls = (raw ?? `http://127.0.0.1:${CARD_AGENT_DEFAULT_PORT}`).split(/[\s,]+/).filter(Boolean);
  for (const url of urls) {
    if (!/^http:\/\/(127\.0\.0\.1|localhost|\[::1\]):(\d{1,5}|\*)$/.test(url)) {
      throw new ConfigError(`COUNTER_CARD_AGENT_URLS takes loopback addresses such as http://127.0.0.1:${CARD_AGENT_DEFAULT_PORT} (got "${url}")`);
    }
  }
  return urls;
}
