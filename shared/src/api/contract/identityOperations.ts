/** The resident's My Number Card: sign-in with the 基本4情報 and electronic signatures through the デジタル認証アプリ (issue #17). */
import { Type } from '@sinclair/typebox';
import { AnyObject, Arr, Bool, Closed, Enum, Open, Opt, Str } from './kit';
import { errorResponse, json, NO_CONTENT } from './responses';
import { operation } from './operation';

const CardIdentitySchema = Closed({
  name: Str({ description: '氏名 as the card holds it (外字 kept)' }),
  familyName: Opt(Str()),
  givenName: Opt(Str()),
  address: Str({ description: '住所 as one string, as the card holds it' }),
  addressParts: Opt(Closed({ prefecture: Str(), city: Str(), street: Str() })),
  birthdate: Opt(Str({ description: 'YYYY-MM-DD' })),
  sex: Opt(Enum(['男', '女'] as const)),
  verifiedAt: Str({ format: 'date-time' }),
});

const returnTo = Str({ description: 'Path of this site to come back to (anything else is replaced by /)', maxLength: 500 });
const notConfigured = errorResponse('No card provider is configured (card_not_configured)');
const unreachable = errorResponse('The provider could not be reached (card_provider_unreachable)');

export const IDENTITY_OPERATIONS = [
  operation({
    method: 'get',
    path: '/resident/card',
    tag: 'my-number-card',
    summary: 'Whether card sign-in is offered (in a municipality, when named), and the signed-in 基本4情報 (from the resident session cookie)',
    security: 'none',
    query: Open({ municipality: Opt(Str({ description: '6-digit code: whether this municipality offers the card (MYNA_MUNICIPALITIES)', maxLength: 6 })) }),
    responses: { 200: json(Closed({ available: Bool(), identity: Type.Union([CardIdentitySchema, Type.Null()]) }), 'State') },
  }),
  operation({
    method: 'get',
    path: '/resident/card/login',
    tag: 'my-number-card',
    summary: 'Starts sign-in with the My Number Card (authorization code flow with PKCE, state and nonce)',
    security: 'none',
    query: Open({ returnTo: Opt(returnTo) }),
    responses: { 302: { description: 'To the デジタル認証アプリ' }, 404: notConfigured, 502: unreachable },
  }),
  operation({
    method: 'get',
    path: '/resident/card/callback',
    tag: 'my-number-card',
    summary: "The provider's redirect back (sign-in or signing); checks state, nonce and PKCE",
    security: 'none',
    query: Open({ code: Opt(Str({ maxLength: 2000 })), state: Opt(Str({ maxLength: 500 })), error: Opt(Str({ maxLength: 200 })) }),
    responses: { 303: { description: 'Back to the page the resident came from; `cardError=<code>` when refused, `signature=<handle>` after signing' }, 404: notConfigured },
  }),
  operation({
    method: 'post',
    path: '/resident/card/logout',
    tag: 'my-number-card',
    summary: 'Ends the resident session (the claims are deleted)',
    security: 'none',
    responses: { 204: NO_CONTENT },
  }),
  operation({
    method: 'post',
    path: '/resident/card/sign',
    tag: 'my-number-card',
    summary: "Starts signing an application: its canonical bytes' digest becomes a sign transaction; answers where to send the resident",
    security: 'none',
    body: Open({ municipalityCode: Str(), procedureId: Str(), data: AnyObject(), attachments: Opt(Type.Record(Type.String(), Arr(Str()))), returnTo: Opt(returnTo) }),
    responses: {
      200: json(Closed({ url: Str() }), 'Authorization URL of the sign step'),
      400: errorResponse('The procedure uses no signatures'),
      404: notConfigured,
      422: errorResponse('Answers not valid'),
      502: unreachable,
      503: errorResponse('No trust anchors: signatures cannot be verified (signature_unverifiable)'),
    },
  }),
  operation({
    method: 'post',
    path: '/resident/card/sign-bundle',
    tag: 'my-number-card',
    summary: "Starts signing a one-stop bundle once: each application is checked, the card signs the list of their canonical bytes' digests",
    security: 'none',
    body: Open({
      municipalityCode: Str(),
      items: Arr(Open({ procedureId: Str(), data: AnyObject(), attachments: Opt(Type.Record(Type.String(), Arr(Str()))) }), { minItems: 1, maxItems: 10 }),
      returnTo: Opt(returnTo),
    }),
    responses: {
      200: json(Closed({ url: Str() }), 'Authorization URL of the sign step'),
      400: errorResponse('None of the procedures uses signatures'),
      404: notConfigured,
      422: errorResponse('Answers not valid'),
      502: unreachable,
      503: errorResponse('No trust anchors: signatures cannot be verified (signature_unverifiable)'),
    },
  }),
  operation({
    method: 'get',
    path: '/resident/card/jwks',
    tag: 'my-number-card',
    summary: 'Public key the provider encrypts sign results to (JWK Set)',
    security: 'none',
    responses: { 200: json(Closed({ keys: Arr(AnyObject()) }), 'JWK Set'), 404: notConfigured },
  }),
];
