/**
 * Reading typed settings from the environment, shared by every config module:
 * a bad value stops start-up with a message naming the variable.
 */
import { ConfigError } from './errors';

/** An integer in [min, max]; unset or empty → fallback. */
export function integerSetting(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer between ${min} and ${max} (got "${raw}")`);
  }
  return value;
}

/** `true` or `false`; unset or empty → fallback. */
export function booleanSetting(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (raw !== 'true' && raw !== 'false') throw new ConfigError(`${name} must be true or false (got "${raw}")`);
  return raw === 'true';
}
