/**
 * Staff sign-in through an external OpenID Connect provider (openid-client's
 * passport strategy: authorisation code + PKCE). The provider is discovered on
 * first use, so a provider that is down does not stop the server starting.
 * Accounts are matched by verified e-mail: an existing account, or a pending
 * invitation for that address (which is then accepted).
 */
import * as client from 'openid-client';
import { Strategy } from 'openid-client/passport';
import type passport from 'passport';

/** A passport instance (one per app). */
type Authenticator = InstanceType<typeof passport.Passport>;
import type { OidcConfig } from './authConfig';
import type { User } from '../storage/types';

export const STAFF_OIDC_STRATEGY = 'staff-oidc';
export const STAFF_OIDC_CALLBACK_PATH = '/api/v1/staff/oidc/callback';

/** Why a provider sign-in found no account (a code the sign-in page explains). */
export type OidcFailure = 'oidc_email_unverified' | 'oidc_no_account' | 'oidc_wrong_municipality';

/** Finds (or creates from an invitation) the account for verified claims. */
export type OidcAccountFinder = (claims: { email: string; name: string }) => Promise<User | OidcFailure>;

export class StaffOidc {
  private configuration: Promise<client.Configuration> | undefined;

  constructor(
    private readonly passport: Authenticator,
    readonly config: OidcConfig,
    private readonly publicUrl: string,
    private readonly findAccount: OidcAccountFinder,
  ) {}

  /** Discovers the provider (once; retried after a failure) and registers the strategy. */
  async ready(): Promise<client.Configuration> {
    this.configuration ??= this.discover().catch((error: unknown) => {
      this.configuration = undefined;
      throw error;
    });
    return this.configuration;
  }

  /** Where to send the browser to end the provider's session too (RP-initiated logout), if it supports that. */
  async endSessionUrl(): Promise<string | null> {
    const configuration = await this.ready();
    if (!configuration.serverMetadata().end_session_endpoint) return null;
    return client.buildEndSessionUrl(configuration, { client_id: this.config.clientId, post_logout_redirect_uri: `${this.publicUrl}/staff/login` }).href;
  }

  /** Maps the provider's verified claims to an account. Many providers put e-mail only in UserInfo, so it is asked when the ID token lacks it. */
  private async accountFor(configuration: client.Configuration, tokens: client.TokenEndpointResponse & client.TokenEndpointResponseHelpers): Promise<User | OidcFailure> {
    let claims: Record<string, unknown> = tokens.claims() ?? {};
    if (typeof claims.email !== 'string' && tokens.access_token && typeof claims.sub === 'string') {
      claims = { ...claims, ...(await client.fetchUserInfo(configuration, tokens.access_token, claims.sub)) };
    }
    if (typeof claims.email !== 'string' || claims.email_verified !== true) return 'oidc_email_unverified';
    return this.findAccount({ email: claims.email, name: typeof claims.name === 'string' ? claims.name : '' });
  }

  private async discover(): Promise<client.Configuration> {
    const insecure = new URL(this.config.issuer).protocol === 'http:'; // loopback only (checked in authConfig)
    const configuration = await client.discovery(
      new URL(this.config.issuer),
      this.config.clientId,
      this.config.clientSecret,
      undefined,
      insecure ? { execute: [client.allowInsecureRequests] } : undefined,
    );
    const strategy = new Strategy(
      { config: configuration, name: STAFF_OIDC_STRATEGY, sessionKey: 'oidc', scope: 'openid email profile', callbackURL: `${this.publicUrl}${STAFF_OIDC_CALLBACK_PATH}` },
      (tokens, verified) => {
        this.accountFor(configuration, tokens).then(
          (found) => (typeof found === 'string' ? verified(null, false, { message: found }) : verified(null, found)),
          (error: unknown) => verified(error),
        );
      },
    );
    this.passport.use(STAFF_OIDC_STRATEGY, strategy);
    return configuration;
  }
}
