/**
 * Settings of webhooks, the outbox dispatcher, applicant e-mail and the
 * retention job, from the environment (part of Config, checked at start-up).
 * Every variable is documented in README.md ("Configuration").
 */
import { integerSetting, booleanSetting } from '../../envSettings';
import { ConfigError } from '../../errors';
import { parseNetworks } from './webhookAddresses';

export interface BackofficeConfig {
  /** Allow plain-http webhook URLs (closed networks such as LGWAN, and tests); https otherwise. */
  webhookAllowHttp: boolean;
  /** Private networks (CIDR) webhooks may reach, e.g. an LGWAN receiver; loopback and link-local never. */
  webhookAllowedNetworks: string[];
  /** Tests only: webhooks to 127.0.0.1 receivers. Refused at start unless NODE_ENV=test. */
  webhookTestAllowLoopback: boolean;
  webhookMaxAttempts: number;
  webhookRetryBaseSeconds: number;
  webhookTimeoutSeconds: number;
  outboxPollMs: number;
  /** E-mail applicants on arrival and status changes (needs SMTP_URL). */
  notifyApplicants: boolean;
  retentionIntervalMinutes: number;
}

export function loadBackofficeConfig(env: NodeJS.ProcessEnv): BackofficeConfig {
  const networks = (env.WEBHOOK_ALLOWED_NETWORKS ?? '')
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean);
  try {
    for (const [ip, bits] of parseNetworks(networks)) {
      if (['loopback', 'linkLocal', 'unspecified'].includes(ip.range())) throw new Error(`${ip.toString()}/${bits} is loopback or link-local`);
    }
  } catch (error) {
    throw new ConfigError(`WEBHOOK_ALLOWED_NETWORKS must list private networks in CIDR form, e.g. 10.20.0.0/16 (${(error as Error).message})`);
  }
  const testLoopback = booleanSetting(env, 'WEBHOOK_TEST_ALLOW_LOOPBACK', false);
  if (testLoopback && env.NODE_ENV !== 'test') throw new ConfigError('WEBHOOK_TEST_ALLOW_LOOPBACK is for the test suite only (NODE_ENV=test)');
  return {
    webhookAllowHttp: booleanSetting(env, 'WEBHOOK_ALLOW_HTTP', false),
    webhookAllowedNetworks: networks,
    webhookTestAllowLoopback: testLoopback,
    webhookMaxAttempts: integerSetting(env, 'WEBHOOK_MAX_ATTEMPTS', 12, 1, 50),
    webhookRetryBaseSeconds: integerSetting(env, 'WEBHOOK_RETRY_BASE_SECONDS', 30, 1, 3600),
    webhookTimeoutSeconds: integerSetting(env, 'WEBHOOK_TIMEOUT_SECONDS', 10, 1, 120),
    outboxPollMs: integerSetting(env, 'OUTBOX_POLL_MS', 1000, 50, 60_000),
    notifyApplicants: booleanSetting(env, 'NOTIFY_APPLICANTS', true),
    retentionIntervalMinutes: integerSetting(env, 'RETENTION_INTERVAL_MINUTES', 60, 1, 24 * 60),
  };
}
