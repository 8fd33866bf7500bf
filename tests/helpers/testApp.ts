/** The app as most API tests want it: the real presets, rate limits off unless a test sets them. */
import { buildApp } from './buildApp';

export { allPresets, municipalities } from './buildApp';

/** Rate limits are off unless a test sets them (tests send many requests from one address). */
export function buildTestApp(dataDir: string, secretKey?: Buffer, clientDist?: string, dataKey?: Buffer, env: Record<string, string> = {}) {
  return buildApp({
    dataDir,
    ...(secretKey ? { key: secretKey } : {}),
    ...(dataKey ? { dataKey } : {}),
    ...(clientDist ? { clientDist } : {}),
    env: { RATE_LIMIT_INTAKE_PER_MIN: '0', RATE_LIMIT_LOOKUP_PER_MIN: '0', RATE_LIMIT_RECEIPT_PER_MIN: '0', RATE_LIMIT_UPLOAD_PER_MIN: '0', ...env },
  });
}
