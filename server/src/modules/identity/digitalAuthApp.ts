/**
 * The デジタル認証アプリ's API as a relying party sees it (行政機関等・民間事業者向け
 * 実装ガイドライン and API reference, developers.digital.go.jp): OpenID Connect
 * authorization code flow with PKCE for sign-in (scopes `openid name address
 * birthdate gender`), and for signatures a client-credentials token that
 * starts a sign transaction (`POST {api}/sign-transactions` with the digest),
 * the same authorization code flow with scope `sign` and the transaction id,
 * and `GET {api}/sign-transactions/{id}/result` with the resident's access
 * token, answered as a JWE (encrypted to our key) holding the signature value
 * and the 署名用電子証明書.
 *
 * Every wire detail of the provider lives in this file, so adjusting to the
 * published reference after the Digital Agency's pre-review touches only it.
 * The stand-in (tools/mynaStandIn) speaks the same wire format.
 */
import * as client from 'openid-client';
import { compactDecrypt, type KeyObject } from 'jose';
import type { CardProviderConfig } from './identityConfig';

export const SIGN_IN_SCOPE = 'openid name address birthdate gender';
export const SIGN_SCOPE = 'openid sign';

/** What one authorization round trip needs to be finished safely (kept server-side, never in the browser). */
export interface PendingAuthorization {
  state: string;
  nonce: string;
  codeVerifier: string;
}

export interface SignResult {
  /** Signature value (RSA PKCS#1 v1.5 over the DigestInfo). */
  signature: Buffer;
  /** 署名用電子証明書, DER. */
  certificate: Buffer;
}

export class ProviderError extends Error {
  constructor(
    readonly code: 'provider_unreachable' | 'provider_refused' | 'result_unreadable',
    detail: string,
  ) {
    super(detail);
  }
}

export class DigitalAuthApp {
  private configuration: Promise<client.Configuration> | undefined;

  constructor(
    private readonly config: CardProviderConfig,
    private readonly redirectUri: string,
    private readonly decryptionKey: KeyObject,
  ) {}

  /** Discovers the provider on first use (retried after a failure), so a provider that is down does not stop the server. */
  private ready(): Promise<client.Configuration> {
    this.configuration ??= client
      .discovery(new URL(this.config.issuer), this.config.clientId, this.config.clientSecret, client.ClientSecretPost(this.config.clientSecret), {
        ...(new URL(this.config.issuer).protocol === 'http:' ? { execute: [client.allowInsecureRequests] } : {}),
      })
      .catch((error: unknown) => {
        this.configuration = undefined;
        throw new ProviderError('provider_unreachable', (error as Error).message);
      });
    return this.configuration;
  }

  /** The provider's authorization URL and the secrets that must come back with its answer. */
  async authorizationUrl(scope: string, extra: Record<string, string> = {}): Promise<{ url: string; pending: PendingAuthorization }> {
    const configuration = await this.ready();
    const pending = { state: client.randomState(), nonce: client.randomNonce(), codeVerifier: client.randomPKCECodeVerifier() };
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: this.redirectUri,
      scope,
      state: pending.state,
      nonce: pending.nonce,
      code_challenge: await client.calculatePKCECodeChallenge(pending.codeVerifier),
      code_challenge_method: 'S256',
      ...extra,
    });
    return { url: url.href, pending };
  }

  /** Exchanges the code (state, nonce and PKCE checked by openid-client); answers the tokens. */
  async finish(callbackUrl: URL, pending: PendingAuthorization): Promise<{ accessToken: string; claims: Record<string, unknown> }> {
    const configuration = await this.ready();
    let tokens: client.TokenEndpointResponse & client.TokenEndpointResponseHelpers;
    try {
      tokens = await client.authorizationCodeGrant(configuration, callbackUrl, { pkceCodeVerifier: pending.codeVerifier, expectedState: pending.state, expectedNonce: pending.nonce });
    } catch (error) {
      throw new ProviderError('provider_refused', (error as Error).message);
    }
    return { accessToken: tokens.access_token, claims: tokens.claims() ?? {} };
  }

  /** The 基本4情報 from UserInfo (the ID token carries only the subject). */
  async userInfo(accessToken: string, subject: string): Promise<Record<string, unknown>> {
    const configuration = await this.ready();
    try {
      return await client.fetchUserInfo(configuration, accessToken, subject);
    } catch (error) {
      throw new ProviderError('provider_refused', (error as Error).message);
    }
  }

  /** Starts a sign transaction for a DigestInfo (client credentials); answers its id. */
  async startSignTransaction(digestInfo: Buffer): Promise<string> {
    const configuration = await this.ready();
    const { access_token } = await client.clientCredentialsGrant(configuration, { scope: 'sign' }).catch((error: unknown) => {
      throw new ProviderError('provider_refused', (error as Error).message);
    });
    const body = JSON.stringify({ hash_algorithm: 'SHA-256', digest_info: true, signature_target: digestInfo.toString('base64') });
    const response = await client.fetchProtectedResource(
      configuration,
      access_token,
      new URL(`${this.config.apiBase}/sign-transactions`),
      'POST',
      body,
      new Headers({ 'content-type': 'application/json' }),
    );
    if (!response.ok) throw new ProviderError('provider_refused', `sign-transactions answered ${response.status}`);
    const answer = (await response.json()) as { sign_tx_id?: unknown };
    if (typeof answer.sign_tx_id !== 'string') throw new ProviderError('result_unreadable', 'sign-transactions answered no sign_tx_id');
    return answer.sign_tx_id;
  }

  /** Fetches and decrypts the result of a transaction the resident completed. */
  async signResult(signTxId: string, accessToken: string): Promise<SignResult> {
    const configuration = await this.ready();
    const response = await client.fetchProtectedResource(configuration, accessToken, new URL(`${this.config.apiBase}/sign-transactions/${encodeURIComponent(signTxId)}/result`), 'GET');
    if (!response.ok) throw new ProviderError('provider_refused', `sign result answered ${response.status}`);
    try {
      const { plaintext } = await compactDecrypt((await response.text()).trim(), this.decryptionKey);
      const result = JSON.parse(new TextDecoder().decode(plaintext)) as { signature?: unknown; certificate?: unknown };
      if (typeof result.signature !== 'string' || typeof result.certificate !== 'string') throw new Error('fields missing');
      return { signature: Buffer.from(result.signature, 'base64'), certificate: Buffer.from(result.certificate, 'base64') };
    } catch (error) {
      throw new ProviderError('result_unreadable', (error as Error).message);
    }
  }
}
