/**
 * Settings of webhooks, the outbox dispatcher, applicant e-mail and the
 * retention job, from the environment (part of Config, checked at start-up).
 * Every variable is documented in README.md ("Configuration").
 */
import { integerSetting, booleanSetting } from '../../envSettings';

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

export function loadBackofficeConfig(env: NodeJS.ProcessEnv): BackofficeConfig {
  return {
    webhookAllowHttp: booleanSetting(env, 'WEBHOOK_ALLOW_HTTP', false),
    webhookMaxAttempts: integerSetting(env, 'WEBHOOK_MAX_ATTEMPTS', 12, 1, 50),
    webhookRetryBaseSeconds: integerSetting(env, 'WEBHOOK_RETRY_BASE_SECONDS', 30, 1, 3600),
    webhookTimeoutSeconds: integerSetting(env, 'WEBHOOK_TIMEOUT_SECONDS', 10, 1, 120),
    outboxPollMs: integerSetting(env, 'OUTBOX_POLL_MS', 1000, 50, 60_000),
    notifyApplicants: booleanSetting(env, 'NOTIFY_APPLICANTS', true),
    retentionIntervalMinutes: integerSetting(env, 'RETENTION_INTERVAL_MINUTES', 60, 1, 24 * 60),
  };
}
