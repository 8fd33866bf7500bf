/**
 * What changed (issue #21): revision n of a submission against revision n-1,
 * for the staff submission page. Sensitive answers appear only as changed
 * (`before`/`after` null), whoever asks.
 */
import { Arr, Closed, DateTime, Enum, Int, Nullable, Opt, Bool, Str, component, refusal, type Static } from './kit';
import { errorResponse, json, pathParams } from './responses';
import { operation } from './operation';

const change = Enum(['changed', 'added', 'removed'] as const);

export const RevisionDiffSchema = component(
  'RevisionDiff',
  Closed({
    revision: Int({ description: 'The newer revision (n)' }),
    previous: Int({ description: 'The revision it is compared with (n-1)' }),
    createdAt: DateTime(),
    previousCreatedAt: DateTime(),
    answers: Arr(
      Closed({
        pointer: Str(),
        label: Str({ description: 'Label of the newer revision’s form version (the older one’s for a removed answer)' }),
        change,
        before: Nullable(Str({ description: 'Null when absent or sensitive' })),
        after: Nullable(Str({ description: 'Null when absent or sensitive' })),
        sensitive: Opt(Bool({ description: 'A sensitive answer: only that it changed is shown' })),
      }),
    ),
    files: Arr(Closed({ specId: Str(), label: Str(), change: Enum(['added', 'removed'] as const), fileId: Str(), fileName: Str() })),
  }),
);
export type RevisionDiffView = Static<typeof RevisionDiffSchema>;

export const REVISION_DIFF_OPERATIONS = [
  operation({
    method: 'get',
    path: '/staff/municipalities/:code/submissions/:submissionId/revisions/:revision/diff',
    tag: 'inbox',
    summary: 'What changed in revision n against revision n-1 (answers and files; sensitive answers only marked as changed)',
    security: 'staffSession',
    params: pathParams({
      code: Str({ description: '6-digit municipality code' }),
      submissionId: Str({ description: 'Submission id' }),
      revision: Str({
        pattern: '^[1-9][0-9]{0,8}$',
        description: 'Revision number n (2 or more)',
        ...refusal('revision_not_found', '指定された版の申請内容はありません。', 'No such revision.', 404),
      }),
    }),
    responses: { 200: json(RevisionDiffSchema, 'What changed'), 401: errorResponse('Not signed in'), 403: errorResponse('Not allowed'), 404: errorResponse('Not found') },
  }),
];
