/**
 * Admission control settings (part of Config, checked at start-up). Defaults
 * fit the 2-vCPU default deployment; every variable is documented in README.md
 * ("Configuration"). Limits are per process, like the rate limits.
 */
import { integerSetting } from '../../envSettings';
import type { AdmissionSettings } from './admissionGate';

export interface AdmissionConfig {
  /** Submissions and bundles (body received, checked, sealed, committed). */
  submissions: AdmissionSettings;
  /** Uploads (multipart body received into memory, scanned, sealed, stored): also bounds the memory they hold. */
  uploads: AdmissionSettings;
  /** Retry-After of a refusal; each refusal adds up to half of it again, so retries spread out. */
  retryAfterSeconds: number;
}

export function loadAdmissionConfig(env: NodeJS.ProcessEnv): AdmissionConfig {
  const maxQueue = integerSetting(env, 'ADMISSION_QUEUE', 64, 0, 100_000);
  const maxWaitMs = integerSetting(env, 'ADMISSION_MAX_WAIT_MS', 5000, 1, 600_000);
  return {
    submissions: { maxInFlight: integerSetting(env, 'ADMISSION_SUBMISSIONS_IN_FLIGHT', 16, 0, 10_000), maxQueue, maxWaitMs },
    uploads: { maxInFlight: integerSetting(env, 'ADMISSION_UPLOADS_IN_FLIGHT', 32, 0, 10_000), maxQueue, maxWaitMs },
    retryAfterSeconds: integerSetting(env, 'ADMISSION_RETRY_AFTER_SECONDS', 10, 1, 3600),
  };
}
