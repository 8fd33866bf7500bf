/**
 * Decision notices (決定通知書 / 却下通知書, issue #21): made when a submission
 * is closed as 処理完了 or 却下. Staff read and download it on the submission
 * and edit the per-procedure template (with a preview PDF); the resident
 * downloads it with the receipt secret; back-office systems with their API key.
 */
import { Bool, Closed, DateTime, Nullable, Open, Str, component } from './kit';
import { DecisionNoticeSchema, decisionKind as kind } from './noticeComponents';

import { PDF, errorResponse, json, pathParams } from './responses';
import { operation, type ResponseSpec } from './operation';

const staff = { security: 'staffSession' as const };
const sub = pathParams({ code: Str(), submissionId: Str() });
const procedure = pathParams({ code: Str(), procedureId: Str() });
const denied: Record<number, ResponseSpec> = { 401: errorResponse('Not signed in'), 403: errorResponse('Not allowed'), 404: errorResponse('Unknown municipality, submission or procedure') };
const secretHeader = { name: 'X-Receipt-Secret', description: 'The status secret given at intake (never in the URL)', required: true };
const receipt = pathParams({ receiptNumber: Str() });
const text = (description: string) => Str({ description });
export const NoticeTemplateSchema = component(
  'NoticeTemplate',
  Open({
    numberFormat: text('e.g. {自治体}指令 第{番号}号; placeholders {自治体} {年} {番号} (must contain {番号})'),
    headTitle: text('e.g. 水戸市長'),
    headName: text('e.g. 高橋 靖 (may be empty)'),
    section: text('Issuing section, e.g. 市民課 (may be empty)'),
    completedTitle: text('e.g. 決定通知書'),
    completedBody: text('Placeholders {氏名} {手続名} {到達番号} {受付日} {決定日} {理由} {自治体} {首長}'),
    rejectedTitle: text('e.g. 却下通知書'),
    rejectedBody: text('Must contain {理由}'),
    appeal: text('教示文 (審査請求 3か月 / 取消訴訟 6か月), printed on the 却下通知書'),
  }),
);

const TemplateViewSchema = Closed({ procedureId: Str(), template: NoticeTemplateSchema, isDefault: Bool({ description: 'No template saved: the default prints' }), updatedAt: Nullable(DateTime()) });

export const NOTICE_OPERATIONS = [
  operation({
    method: 'get',
    path: '/staff/municipalities/:code/submissions/:submissionId/notice',
    tag: 'inbox',
    summary: 'The submission’s decision notice (null: not decided)',
    ...staff,
    params: sub,
    responses: { 200: json(Closed({ notice: Nullable(DecisionNoticeSchema) }), 'The notice'), ...denied },
  }),
  operation({
    method: 'get',
    path: '/staff/municipalities/:code/submissions/:submissionId/notice/pdf',
    tag: 'inbox',
    summary: 'The decision notice as a PDF',
    ...staff,
    params: sub,
    responses: { 200: PDF, ...denied },
  }),
  operation({
    method: 'get',
    path: '/staff/municipalities/:code/notice-templates/:procedureId',
    tag: 'inbox',
    summary: 'The procedure’s notice template (the default until one is saved)',
    ...staff,
    params: procedure,
    responses: { 200: json(TemplateViewSchema, 'The template'), ...denied },
  }),
  operation({
    method: 'put',
    path: '/staff/municipalities/:code/notice-templates/:procedureId',
    tag: 'inbox',
    summary: 'Save the procedure’s notice template',
    ...staff,
    params: procedure,
    body: NoticeTemplateSchema,
    responses: { 200: json(TemplateViewSchema, 'Saved'), 422: errorResponse('The template has problems (field errors)'), ...denied },
  }),
  operation({
    method: 'post',
    path: '/staff/municipalities/:code/notice-templates/:procedureId/preview',
    tag: 'inbox',
    summary: 'A sample notice of an unsaved template, as a PDF',
    ...staff,
    params: procedure,
    body: Closed({ template: NoticeTemplateSchema, kind }),
    responses: { 200: PDF, 422: errorResponse('The template has problems (field errors)'), ...denied },
  }),
  operation({
    method: 'get',
    path: '/submissions/:receiptNumber/notice',
    tag: 'public',
    summary: 'The resident’s decision notice (null: not decided yet)',
    security: 'none',
    params: receipt,
    headers: [secretHeader],
    responses: { 200: json(Closed({ notice: Nullable(DecisionNoticeSchema) }), 'The notice'), 404: errorResponse('Unknown receipt number or wrong secret') },
  }),
  operation({
    method: 'get',
    path: '/submissions/:receiptNumber/notice/pdf',
    tag: 'public',
    summary: 'The resident’s decision notice as a PDF',
    security: 'none',
    params: receipt,
    headers: [secretHeader],
    responses: { 200: PDF, 404: errorResponse('Unknown receipt number, wrong secret, or no notice') },
  }),
  operation({
    method: 'get',
    path: '/backoffice/submissions/:receiptNumber/notice/pdf',
    tag: 'backoffice',
    summary: 'The submission’s decision notice as a PDF (audited)',
    security: 'apiKey',
    params: receipt,
    responses: { 200: PDF, 401: errorResponse('Missing, invalid or revoked API key'), 403: errorResponse('The key’s scope does not allow this'), 404: errorResponse('Not found, or not decided') },
  }),
];
