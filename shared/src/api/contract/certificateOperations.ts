/**
 * 罹災証明書 (issue #20): staff issue and withdraw the certificate of a
 * 罹災証明書 application (`…/disasters/:disasterId/cases/:submissionId/certificate`,
 * inbox.update); the resident sees and downloads it with the receipt secret;
 * anyone holding the paper checks it by number and verification code; the
 * follow-up procedures' forms take its damage level by the same two.
 */
import { DAMAGE_LEVELS } from '../../disaster/disasterTypes';
import { Bool, Closed, DateTime, Enum, Nullable, Open, Str, Type, component } from './kit';
import { PDF, errorResponse, json, pathParams } from './responses';
import { operation, type ResponseSpec } from './operation';

const staff = { security: 'staffSession' as const };
const base = '/staff/municipalities/:code/disasters/:disasterId/cases/:submissionId/certificate';
const one = pathParams({ code: Str(), disasterId: Str(), submissionId: Str() });
const denied: Record<number, ResponseSpec> = { 401: errorResponse('Not signed in'), 403: errorResponse('Not allowed'), 404: errorResponse('Unknown municipality, disaster or application') };
const IsoDate = (description: string) => Str({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description });
const level = Enum(DAMAGE_LEVELS);
const secretHeader = { name: 'X-Receipt-Secret', description: 'The status secret given at intake (never in the URL)', required: true };
const receipt = pathParams({ receiptNumber: Str() });
const paperQuery = Open({
  number: Str({ maxLength: 40, description: '証明書番号 as printed, e.g. 令和8年 第000123号' }),
  code: Str({ maxLength: 40, description: '照合番号 as printed, e.g. 7KQM-2XHP-9RTA' }),
});

export const CertificateSchema = component(
  'Certificate',
  Closed({
    id: Str(),
    number: Str({ description: '証明書番号, e.g. 令和8年 第000123号 (per municipality and calendar year of issue)' }),
    submissionId: Str(),
    disasterId: Str(),
    receiptNumber: Str(),
    damageLevel: level,
    facts: Closed({
      householderName: Str(),
      householderAddress: Str(),
      propertyAddress: Str({ description: '被災住家の所在地' }),
      disasterName: Str(),
      disasterDate: IsoDate('発生日'),
      cause: Str({ description: '罹災原因 as the resident gave it' }),
      municipalityName: Str(),
      headTitle: Str({ description: 'e.g. 水戸市長' }),
    }),
    issuedAt: DateTime(),
    issuedBy: Str(),
    withdrawnAt: Nullable(DateTime()),
    withdrawnBy: Nullable(Str()),
    withdrawnReason: Nullable(Str()),
    verificationCode: Str({ description: '照合番号 printed on the certificate' }),
    byPost: Bool({ description: 'The resident asked for it by post (郵送)' }),
  }),
);

const VerificationSchema = component(
  'CertificateVerification',
  Type.Union([
    Closed({ result: Enum(['valid'] as const), number: Str(), municipalityName: Str(), disasterName: Str(), disasterDate: IsoDate('発生日'), damageLevel: level, issuedOn: IsoDate('証明日') }),
    Closed({ result: Enum(['withdrawn'] as const), number: Str(), withdrawnOn: IsoDate('取消日') }),
    Closed({ result: Enum(['mismatch'] as const) }),
  ]),
);

const ResidentCertificateSchema = component(
  'ResidentCertificate',
  Type.Union([
    Closed({ state: Enum(['none'] as const) }),
    Closed({ state: Enum(['issued'] as const), number: Str(), issuedOn: IsoDate('証明日'), byPost: Bool({ description: 'Mailed (郵送) rather than downloaded' }) }),
    Closed({ state: Enum(['withdrawn'] as const), number: Str(), withdrawnOn: IsoDate('取消日') }),
  ]),
);

export const CERTIFICATE_OPERATIONS = [
  operation({
    method: 'get',
    path: base,
    tag: 'disasters',
    summary: 'The application’s latest certificate (null: none issued)',
    ...staff,
    params: one,
    responses: { 200: json(Closed({ certificate: Nullable(CertificateSchema) }), 'The certificate'), ...denied },
  }),
  operation({
    method: 'post',
    path: base,
    tag: 'disasters',
    summary: 'Issue the 罹災証明書 of an application whose survey result is approved (again: the standing one)',
    ...staff,
    params: one,
    bodyRequired: false,
    body: Closed({}),
    responses: {
      201: json(CertificateSchema, 'Issued'),
      200: json(CertificateSchema, 'Already issued: the standing certificate'),
      ...denied,
      409: errorResponse('No approved survey result, the application is closed, or the result changed since issuing (withdraw first)'),
    },
  }),
  operation({
    method: 'get',
    path: `${base}/pdf`,
    tag: 'disasters',
    summary: 'The standing certificate as a PDF (統一様式)',
    ...staff,
    params: one,
    responses: { 200: PDF, ...denied },
  }),
  operation({
    method: 'post',
    path: `${base}/withdraw`,
    tag: 'disasters',
    summary: 'Withdraw the standing certificate (a reason is required)',
    ...staff,
    params: one,
    body: Closed({ reason: Str({ maxLength: 2000 }) }),
    responses: { 200: json(CertificateSchema, 'Withdrawn'), 400: errorResponse('No reason'), ...denied },
  }),
  operation({
    method: 'get',
    path: '/submissions/:receiptNumber/certificate',
    tag: 'public',
    summary: 'Whether the application’s 罹災証明書 was issued, mailed or withdrawn',
    security: 'none',
    params: receipt,
    headers: [secretHeader],
    responses: { 200: json(ResidentCertificateSchema, 'The certificate’s state'), 404: errorResponse('Unknown receipt number or wrong secret') },
  }),
  operation({
    method: 'get',
    path: '/submissions/:receiptNumber/certificate/pdf',
    tag: 'public',
    summary: 'The resident’s 罹災証明書 as a PDF',
    security: 'none',
    params: receipt,
    headers: [secretHeader],
    responses: { 200: PDF, 404: errorResponse('Unknown receipt number, wrong secret, or no standing certificate') },
  }),
  operation({
    method: 'get',
    path: '/certificates/verify',
    tag: 'public',
    summary: 'Check a 罹災証明書 by its number and 照合番号: what it states, withdrawn, or no match (unknown number and wrong code alike)',
    security: 'none',
    query: paperQuery,
    responses: { 200: json(VerificationSchema, 'The answer'), 429: errorResponse('Too many checks') },
  }),
  operation({
    method: 'get',
    path: '/certificates/reference',
    tag: 'public',
    summary: 'The damage level a standing certificate states, for the follow-up procedures’ forms (404: no match)',
    security: 'none',
    query: paperQuery,
    responses: {
      200: json(Closed({ number: Str(), damageLevel: level, disasterId: Str(), municipalityCode: Str() }), 'The certificate’s damage level'),
      404: errorResponse('No standing certificate matches'),
      429: errorResponse('Too many checks'),
    },
  }),
];
