/**
 * Sign-in settings from the environment (part of Config, checked at start-up).
 * Every variable is documented in README.md ("Configuration" and "Accounts and sign-in").
 */
import { ConfigError } from '../errors';
import { integerSetting } from '../envSettings';

/** An external OpenID Connect provider staff may sign in with. */
export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Text of the sign-in button, e.g. 「水戸市職員ID」. */
  label: string;
  /** When set, only accounts of this municipality may use the provider (a municipality's own IdP). */
  municipalityCode?: string;
}

export interface AuthConfig {
  /** Failed sign-ins in a row before an account is locked. */
  maxFailures: number;
  lockMinutes: number;
  /** Sign-in attempts one client IP may make per 15 minutes. */
  loginRateLimit: number;
  /** A session ends after this long without a request … */
  sessionIdleMinutes: number;
  /** … and in any case this long after sign-in. */
  sessionMaxHours: number;
  inviteTtlHours: number;
  /** nodemailer transport URL (smtp://user:pass@host:587); without it, invitation links are shown to the admin. */
  smtpUrl?: string;
  mailFrom: string;
  oidc?: OidcConfig;
}

function oidc(env: NodeJS.ProcessEnv): OidcConfig | undefined {
  const { OIDC_ISSUER: issuer, OIDC_CLIENT_ID: clientId, OIDC_CLIENT_SECRET: clientSecret } = env;
  if (!issuer && !clientId && !clientSecret) return undefined;
  if (!issuer || !clientId || !clientSecret) throw new ConfigError('OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET must be set together');
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    throw new ConfigError(`OIDC_ISSUER must be an absolute URL (got "${issuer}")`);
  }
  // Plain http only for a provider on this machine (development and tests).
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname))) {
    throw new ConfigError('OIDC_ISSUER must use https (http only for localhost)');
  }
  const municipalityCode = env.OIDC_MUNICIPALITY || undefined;
  if (municipalityCode && !/^\d{6}$/.test(municipalityCode)) throw new ConfigError('OIDC_MUNICIPALITY must be a 6-digit municipality code');
  return { issuer, clientId, clientSecret, label: env.OIDC_LABEL || '外部IDでログイン', ...(municipalityCode ? { municipalityCode } : {}) };
}

export function loadAuthConfig(env: NodeJS.ProcessEnv): AuthConfig {
  const smtpUrl = env.SMTP_URL || undefined;
  if (smtpUrl && !/^smtps?:\/\//.test(smtpUrl)) throw new ConfigError('SMTP_URL must start with smtp:// or smtps://');
  const o = oidc(env);
  return {
    maxFailures: integerSetting(env, 'LOGIN_MAX_FAILURES', 5, 1, 100),
    lockMinutes: integerSetting(env, 'LOGIN_LOCK_MINUTES', 15, 1, 24 * 60),
    loginRateLimit: integerSetting(env, 'LOGIN_RATE_LIMIT', 30, 1, 10_000),
    sessionIdleMinutes: integerSetting(env, 'SESSION_IDLE_MINUTES', 30, 1, 24 * 60),
    sessionMaxHours: integerSetting(env, 'SESSION_MAX_HOURS', 10, 1, 24 * 7),
    inviteTtlHours: integerSetting(env, 'INVITE_TTL_HOURS', 72, 1, 24 * 30),
    ...(smtpUrl ? { smtpUrl } : {}),
    mailFrom: env.MAIL_FROM || '窓口 Madoguchi <no-reply@localhost>',
    ...(o ? { oidc: o } : {}),
  };
}
