/**
 * Malware scanning of uploads (issue #8), from the environment (part of
 * Config, checked at start-up). Unset CLAMD_SOCKET and CLAMD_HOST = scanning
 * off. Every variable is documented in README.md ("Configuration").
 */
import { isAbsolute } from 'node:path';
import { ConfigError } from '../../errors';
import type { ClamdTarget } from './clamdClient';
import { integerSetting } from '../../envSettings';

export interface ScanConfig {
  target: ClamdTarget;
  /** Deadline of one clamd call (connect, send, verdict); past it the upload is kept as pending. */
  timeoutMs: number;
  /** How often files left pending (clamd was down) are scanned again. */
  rescanMinutes: number;
}

export function loadScanConfig(env: NodeJS.ProcessEnv): ScanConfig | undefined {
  const socketPath = env.CLAMD_SOCKET || undefined;
  const host = env.CLAMD_HOST || undefined;
  if (socketPath && host) throw new ConfigError('Set either CLAMD_SOCKET or CLAMD_HOST, not both');
  if (!socketPath && !host) {
    if (env.CLAMD_PORT) throw new ConfigError('CLAMD_PORT needs CLAMD_HOST');
    return undefined;
  }
  if (socketPath && !isAbsolute(socketPath)) throw new ConfigError(`CLAMD_SOCKET must be an absolute path (got "${socketPath}")`);
  const target: ClamdTarget = socketPath ? { socketPath } : { host: host!, port: integerSetting(env, 'CLAMD_PORT', 3310, 1, 65535) };
  return {
    target,
    timeoutMs: integerSetting(env, 'CLAMD_TIMEOUT_MS', 15_000, 100, 600_000),
    rescanMinutes: integerSetting(env, 'CLAMD_RESCAN_MINUTES', 5, 1, 1440),
  };
}
