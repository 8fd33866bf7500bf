/**
 * Settings of webhooks, the outbox dispatcher, applicant e-mail and the
 * retention job, from the environment (part of Config, checked at start-up).
 * Every variable is documented in README.md ("Configuration").
 */
import { ConfigError } from '../../errors';

export interface BackofficeConfig {
  /** Allow plain-http webhook URLs (closed networks such as LGWAN, and tests); https otherwise. */
  webhookAllowHttp: boolean;
  webhookMaxAttempts: number;
  webhookRetryBaseSeconds: number;
  webhookTimeoutSeconds: number;
  outboxPollMs: number;
  /** E-mail applicants on arrival and status changes (needs SMTP_URL). */
  notifyApplicants: boolean;
  retentionIntervalMinutes: number;
}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw new ConfigError(`${name} must be an integer between ${min} and ${max} (got "${raw}")`);
  return value;
}

function bool(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (raw !== 'true' && raw !== 'false') throw new ConfigError(`${name} must be true or false (got "${raw}")`);
  return raw === 'true';
}

export function loadBackofficeConfig(env: NodeJS.ProcessEnv): BackofficeConfig {
  return {
    webhookAllowHttp: bool(env, 'WEBHOOK_ALLOW_HTTP', false),
    webhookMaxAttempts: int(env, 'WEBHOOK_MAX_ATTEMPTS', 12, 1, 50),
    webhookRetryBaseSeconds: int(env, 'WEBHOOK_RETRY_BASE_SECONDS', 30, 1, 3600),
    webhookTimeoutSeconds: int(env, 'WEBHOOK_TIMEOUT_SECONDS', 10, 1, 120),
    outboxPollMs: int(env, 'OUTBOX_POLL_MS', 1000, 50, 60_000),
    notifyApplicants: bool(env, 'NOTIFY_APPLICANTS', true),
    retentionIntervalMinutes: int(env, 'RETENTION_INTERVAL_MINUTES', 60, 1, 24 * 60),
  };
}
