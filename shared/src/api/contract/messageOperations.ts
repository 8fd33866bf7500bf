/**
 * The message thread between the desk and the applicant (issue #21): one
 * thread per submission (補正依頼, answers and free messages in order), read
 * and written by the applicant with the receipt secret and by staff with the
 * inbox permissions. Writes are multipart: `body` (≤ 2000 characters) and up
 * to three `files` (PDF, JPEG, PNG, ≤ 10 MB each).
 */
import type { Static } from '@sinclair/typebox';
import { Arr, Bool, Closed, DateTime, Enum, Int, Open, Opt, Str, component } from './kit';
import { FILE, errorResponse, json, pathParams } from './responses';
import { operation, type ResponseSpec } from './operation';

const receipt = { receiptNumber: Str({ description: '到達番号' }) };
const sub = { code: Str({ description: '6-digit municipality code' }), submissionId: Str({ description: 'Submission id' }) };
const secretHeader = { name: 'X-Receipt-Secret', description: 'The status secret given at intake (never in the URL)', required: true };
const staffBase = '/staff/municipalities/:code/submissions/:submissionId/messages';
const denied: Record<number, ResponseSpec> = { 401: errorResponse('Not signed in'), 403: errorResponse('Not allowed (policy: server/src/auth/policy.ts)') };

export const ThreadViewSchema = component(
  'MessageThread',
  Closed({
    receiptNumber: Str(),
    items: Arr(
      Closed({
        id: Str(),
        kind: Enum(['correction-request', 'correction-answer', 'message'] as const),
        from: Enum(['desk', 'applicant'] as const),
        authorName: Str({ description: 'The clerk’s name for staff; 「窓口」 for the applicant' }),
        body: Str(),
        createdAt: DateTime(),
        unread: Bool({ description: 'Written by the other side after the reader last opened the thread (opening it marks it read)' }),
        attachments: Arr(Closed({ id: Str(), fileName: Str(), mediaType: Str(), size: Int() })),
        fields: Arr(Str({ description: 'JSON pointers a correction request asks about, or its answer changed' })),
      }),
    ),
    unreadCount: Int(),
    canWrite: Bool({ description: 'False once retention stripped the submission' }),
  }),
);

export type MessageThread = Static<typeof ThreadViewSchema>;

const writeBody = Open({ body: Opt(Str({ description: 'Plain text, 1–2000 characters' })), files: Opt(Str({ format: 'binary', description: 'Up to 3 files (PDF, JPEG, PNG, ≤ 10 MB each)' })) });
const writeResponses: Record<number, ResponseSpec> = {
  201: json(Closed({ id: Str() }), 'Stored; a content-free e-mail notice goes to the other side'),
  400: errorResponse('Empty or too long message, empty or too large file, too many files: nothing stored'),
  404: errorResponse('Not found'),
  409: errorResponse('The submission was stripped by retention (thread_closed)'),
  415: errorResponse('File type not accepted: nothing stored'),
  422: errorResponse('Malware found (malware_detected): nothing stored'),
};

export const MESSAGE_OPERATIONS = [
  operation({
    method: 'get',
    path: '/submissions/:receiptNumber/messages',
    tag: 'corrections',
    summary: 'The message thread as the applicant sees it; marks the desk’s messages read',
    security: 'none',
    params: pathParams(receipt),
    headers: [secretHeader],
    responses: { 200: json(ThreadViewSchema, 'Thread'), 404: errorResponse('Not found') },
  }),
  operation({
    method: 'post',
    path: '/submissions/:receiptNumber/messages',
    tag: 'corrections',
    summary: 'The applicant writes to the desk (allowed after a decision too, until retention strips the submission)',
    security: 'none',
    params: pathParams(receipt),
    headers: [secretHeader],
    bodyType: 'multipart/form-data',
    body: writeBody,
    bodyRequired: false,
    responses: writeResponses,
  }),
  operation({
    method: 'get',
    path: '/submissions/:receiptNumber/messages/files/:fileId',
    tag: 'corrections',
    summary: 'A file sent with a message of the thread',
    security: 'none',
    params: pathParams({ ...receipt, fileId: Str() }),
    headers: [secretHeader],
    responses: { 200: FILE, 404: errorResponse('Not found') },
  }),
  operation({
    method: 'get',
    path: staffBase,
    tag: 'inbox',
    summary: 'The message thread as the desk sees it; marks the applicant’s messages read (audited)',
    security: 'staffSession',
    params: pathParams(sub),
    responses: { 200: json(ThreadViewSchema, 'Thread'), 404: errorResponse('Not found'), ...denied },
  }),
  operation({
    method: 'post',
    path: staffBase,
    tag: 'inbox',
    summary: 'The desk writes to the applicant (the applicant gets a content-free e-mail when they gave an address)',
    security: 'staffSession',
    params: pathParams(sub),
    bodyType: 'multipart/form-data',
    body: writeBody,
    bodyRequired: false,
    responses: { ...writeResponses, ...denied },
  }),
];
