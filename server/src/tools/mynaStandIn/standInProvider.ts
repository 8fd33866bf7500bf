/**
 * A stand-in for the デジタル認証アプリ service, for development and tests
 * only: it speaks the endpoints a relying party uses (OpenID Connect
 * discovery, authorization with PKCE, token, UserInfo, client credentials,
 * `POST /api/sign-transactions` and `GET /api/sign-transactions/{id}/result`
 * answered as a JWE), built on oidc-provider. The "card" is a test person
 * with a key and a certificate from a test CA. It is NOT the real service
 * and never counts as having tried it.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { constants, privateEncrypt, randomUUID, type KeyObject } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { CompactEncrypt, importJWK, type JWK } from 'jose';

/** The parts of oidc-provider this stand-in uses (the package is ESM without CommonJS types). */
interface OidcProvider {
  callback: () => (req: IncomingMessage, res: ServerResponse) => void;
  interactionDetails: (req: IncomingMessage, res: ServerResponse) => Promise<{ uid: string; prompt: { name: string }; session?: { accountId: string }; params: Record<string, unknown> }>;
  interactionFinished: (req: IncomingMessage, res: ServerResponse, result: object, options: { mergeWithLastSubmission: boolean }) => Promise<void>;
  Grant: new (init: { accountId: string; clientId: string }) => { addOIDCScope: (scope: string) => void; save: () => Promise<string> };
  AccessToken: { find: (token: string) => Promise<{ accountId?: string; scope?: string; clientId: string } | undefined> };
  ClientCredentials: { find: (token: string) => Promise<{ scope?: string; clientId: string } | undefined> };
}
// eslint-disable-next-line @typescript-eslint/no-require-imports -- oidc-provider is ESM without types for a CommonJS build; required at run time
const loadProvider = () => require('oidc-provider').default as new (issuer: string, config: object) => OidcProvider;

export interface TestPerson {
  sub: string;
  /** Claims as the service gives them: name, address (one string), birthdate, gender. */
  claims: { name: string; address: string; birthdate: string; gender: string };
  /** The person's 署名用電子証明書 (DER) and its key. */
  certificate: Buffer;
  privateKey: KeyObject;
}

export interface StandInOptions {
  host?: string;
  port?: number;
  client: { clientId: string; clientSecret: string; redirectUris: string[] };
  people: TestPerson[];
  /** The relying party's public encryption key (JWK) the sign result is encrypted to. */
  resultKey: () => Promise<JWK>;
  /** Who "holds the card" at the next authorization (tests switch it); default: the first person. */
  choosePerson?: () => string;
  /** Answers the interaction itself (tests); otherwise a page lets a developer pick a person. */
  autoApprove?: boolean;
  /** Test hook: what the card actually signs (default: the DigestInfo it was given). */
  signTarget?: (digestInfo: Buffer) => Buffer;
}

interface Transaction {
  clientId: string;
  digestInfo: Buffer;
  signed?: { accountId: string; signature: Buffer; certificate: Buffer };
}

export interface StandIn {
  issuer: string;
  server: Server;
  close: () => Promise<void>;
}

const send = (res: ServerResponse, status: number, body: unknown, type = 'application/json') => {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
};

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const bearer = (req: IncomingMessage) => /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];

export async function startStandIn(options: StandInOptions): Promise<StandIn> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const issuer = `http://${options.host ?? '127.0.0.1'}:${(server.address() as AddressInfo).port}`;
  const people = new Map(options.people.map((p) => [p.sub, p]));
  const transactions = new Map<string, Transaction>();
  const Provider = loadProvider();
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: options.client.clientId,
        client_secret: options.client.clientSecret,
        redirect_uris: options.client.redirectUris,
        grant_types: ['authorization_code', 'client_credentials'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
        scope: 'openid name address birthdate gender sign',
      },
    ],
    scopes: ['openid', 'name', 'address', 'birthdate', 'gender', 'sign'],
    claims: { openid: ['sub'], name: ['name'], address: ['address'], birthdate: ['birthdate'], gender: ['gender'] },
    extraParams: ['sign_tx_id'],
    features: { devInteractions: { enabled: false }, clientCredentials: { enabled: true } },
    pkce: { required: () => true },
    cookies: { keys: [randomUUID()] },
    findAccount: async (_ctx: unknown, sub: string) => {
      const person = people.get(sub);
      return person ? { accountId: sub, claims: async () => ({ sub, ...person.claims }) } : undefined;
    },
  });
  const callback = provider.callback();

  /** The resident confirms on the "app": sign-in, and for a sign transaction the card signs its DigestInfo. */
  async function approve(req: IncomingMessage, res: ServerResponse, accountId: string) {
    const details = await provider.interactionDetails(req, res);
    if (details.prompt.name === 'login') return provider.interactionFinished(req, res, { login: { accountId } }, { mergeWithLastSubmission: false });
    const signTxId = typeof details.params.sign_tx_id === 'string' ? details.params.sign_tx_id : undefined;
    const account = details.session?.accountId ?? accountId;
    if (signTxId) {
      const tx = transactions.get(signTxId);
      const person = people.get(account);
      if (tx && person && !tx.signed) {
        const target = options.signTarget ? options.signTarget(tx.digestInfo) : tx.digestInfo;
        tx.signed = { accountId: account, signature: privateEncrypt({ key: person.privateKey, padding: constants.RSA_PKCS1_PADDING }, target), certificate: person.certificate };
      }
    }
    const grant = new provider.Grant({ accountId: account, clientId: String(details.params.client_id) });
    grant.addOIDCScope(String(details.params.scope));
    return provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
  }

  async function interaction(req: IncomingMessage, res: ServerResponse) {
    const chosen = options.choosePerson?.() ?? options.people[0]!.sub;
    if (options.autoApprove) return approve(req, res, chosen);
    if (req.method === 'POST') {
      const person = new URLSearchParams(await readBody(req)).get('person') ?? chosen;
      return approve(req, res, people.has(person) ? person : chosen);
    }
    const details = await provider.interactionDetails(req, res);
    // After the person was picked, the consent step of a sign-in needs no second page (a signature is confirmed on its own page).
    if (details.prompt.name !== 'login' && !details.params.sign_tx_id) return approve(req, res, details.session?.accountId ?? chosen);
    const buttons = options.people.map((p) => `<button name="person" value="${p.sub}">${p.claims.name}（${p.claims.address}）</button>`).join('<br>');
    const what = details.params.sign_tx_id ? '電子署名' : 'ログイン';
    send(
      res,
      200,
      `<!doctype html><html lang="ja"><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>デジタル認証アプリ（代役）</title>
<body style="font-family:sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem">
<p style="background:#fde7e9;border:2px solid #c00;padding:1rem"><strong>これは本物のデジタル認証アプリではありません。</strong>開発・試験用の代役（テスト認証局の証明書）です。</p>
<h1>${what}（テスト用の利用者を選ぶ）</h1><form method="post">${buttons}</form></body></html>`,
      'text/html; charset=utf-8',
    );
  }

  async function startTransaction(req: IncomingMessage, res: ServerResponse) {
    const token = bearer(req);
    const grant = token ? await provider.ClientCredentials.find(token) : undefined;
    if (!grant || !grant.scope?.split(' ').includes('sign')) return send(res, 401, { error: 'invalid_token' });
    let body: { signature_target?: unknown; hash_algorithm?: unknown };
    try {
      body = JSON.parse(await readBody(req));
    } catch {
      return send(res, 400, { error: 'invalid_request' });
    }
    if (typeof body.signature_target !== 'string' || body.hash_algorithm !== 'SHA-256') return send(res, 400, { error: 'invalid_request' });
    const id = randomUUID();
    transactions.set(id, { clientId: grant.clientId, digestInfo: Buffer.from(body.signature_target, 'base64') });
    send(res, 201, { sign_tx_id: id });
  }

  async function transactionResult(req: IncomingMessage, res: ServerResponse, id: string) {
    const token = bearer(req);
    const access = token ? await provider.AccessToken.find(token) : undefined;
    const tx = transactions.get(id);
    if (!access || !access.scope?.split(' ').includes('sign')) return send(res, 401, { error: 'invalid_token' });
    if (!tx?.signed || tx.signed.accountId !== access.accountId || tx.clientId !== access.clientId) return send(res, 404, { error: 'not_found' });
    const key = await importJWK(await options.resultKey(), 'RSA-OAEP-256');
    const payload = JSON.stringify({ signature: tx.signed.signature.toString('base64'), certificate: tx.signed.certificate.toString('base64') });
    const jwe = await new CompactEncrypt(new TextEncoder().encode(payload)).setProtectedHeader({ alg: 'RSA-OAEP-256', enc: 'A256GCM' }).encrypt(key);
    send(res, 200, jwe, 'application/jose');
  }

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const result = /^\/api\/sign-transactions\/([^/]+)\/result$/.exec(path);
    const work = path.startsWith('/interaction/')
      ? interaction(req, res)
      : path === '/api/sign-transactions' && req.method === 'POST'
        ? startTransaction(req, res)
        : result && req.method === 'GET'
          ? transactionResult(req, res, decodeURIComponent(result[1]!))
          : Promise.resolve(callback(req, res));
    work.catch((error: unknown) => send(res, 500, { error: 'server_error', detail: (error as Error).message }));
  });

  return { issuer, server, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
