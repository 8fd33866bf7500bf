/**
 * The staff catalog (`/staff/…`): a municipality's catalog, adopted presets
 * with local edits, procedures of its own (builder drafts, publish, retire,
 * duplicate, import, export) and the preset library of platform admins.
 * Documents (procedure + JSON Schema + uiSchema) and edit lists are checked
 * by the catalog services (shared/src/catalog), so they are open objects here.
 */
import { AnyObject, Arr, Bool, DateTime, Enum, Int, Nullable, Open, Opt, Str, Type, component, refusal } from './kit';
import { NO_CONTENT, errorResponse, json, pathParams } from './responses';
import { operation, type ResponseSpec } from './operation';

const staff = { security: 'staffSession' as const };
const base = '/staff/municipalities/:code/catalog';
const denied: Record<number, ResponseSpec> = { 401: errorResponse('Not signed in'), 403: errorResponse('Not allowed') };
const write: Record<number, ResponseSpec> = {
  ...denied,
  400: errorResponse('Malformed'),
  404: errorResponse('Not found'),
  409: errorResponse('Changed meanwhile, or not in a state that allows this'),
  422: errorResponse('Refused edit (locked_item, invalid_edit) or failed publish checks, with per-field messages'),
};
const code = { code: Str() };
const preset = pathParams({ ...code, presetId: Str() });
const own = pathParams({ ...code, procedureId: Str() });
const libraryPreset = pathParams({ presetId: Str() });

const revision = Int({
  minimum: 0,
  description: 'The revision the edits were made on (optimistic locking)',
  ...refusal('bad_revision', 'revision を整数で指定してください。', 'Give revision as an integer.'),
});
const editList = Arr(AnyObject(), { description: 'Edit operations (shared/src/catalog/editOpSchema.ts)' });
const decisions = Type.Record(Type.String(), Enum(['keep', 'drop'] as const), {
  description: 'Change id → keep or drop',
  ...refusal('bad_decisions', 'decisions には変更ごとに "keep" か "drop" を指定してください。', 'Give "keep" or "drop" for each change in decisions.'),
});
const versionNumber = Str({ pattern: '^[0-9]{1,9}$' });
const procedureId = Str(
  refusal(
    'bad_procedure_id',
    '手続のIDは半角の英小文字・数字・ハイフンで3〜64文字にしてください（例：sodai-gomi）。',
    'A procedure id has 3–64 lower-case letters, digits and hyphens (e.g. sodai-gomi).',
  ),
);
const title = Str(refusal('bad_title', '手続の名称を120文字以内で入力してください。', 'Enter a procedure title of at most 120 characters.'));

/** A view of an adoption or an own procedure: the document, its versions, problems and locks. */
const CatalogView = component('CatalogView', Type.Object({}, { additionalProperties: true, description: 'See server/src/modules/catalog (adoption or own-procedure view)' }));
const Published = component(
  'PublishOutcome',
  Type.Object({
    version: Int(),
    status: Str(),
    publishedAt: Opt(DateTime()),
    unchanged: Bool(),
    warnings: Opt(Arr(Str({ description: 'Published, but worth fixing (e.g. the contact is still the preset’s placeholder)' }))),
  }),
);
const ProcedureFile = component(
  'ProcedureFile',
  Type.Object({ format: Opt(Str()), formatVersion: Opt(Int()), procedure: AnyObject(), schema: AnyObject(), uiSchema: AnyObject() }, { additionalProperties: true }),
);

export const CATALOG_OPERATIONS = [
  operation({
    method: 'get',
    path: base,
    tag: 'catalog',
    summary: 'The municipality’s catalog: every preset (adopted or not) and own procedure, with its state',
    ...staff,
    params: pathParams(code),
    responses: { 200: json(Type.Object({ items: Arr(AnyObject()) }), 'Catalog'), ...denied },
  }),
  operation({
    method: 'post',
    path: `${base}/adoptions`,
    tag: 'catalog',
    summary: 'Adopt a preset (idempotent)',
    ...staff,
    params: pathParams(code),
    body: Open({ presetId: Str(refusal('missing_preset', '採用するプリセット（presetId）を指定してください。', 'Name the preset to adopt (presetId).')) }),
    responses: { 201: json(CatalogView, 'Adopted'), 200: json(CatalogView, 'Already adopted'), ...write },
  }),
  operation({
    method: 'get',
    path: `${base}/adoptions/:presetId`,
    tag: 'catalog',
    summary: 'An adopted preset with its local edits',
    ...staff,
    params: preset,
    responses: { 200: json(CatalogView, 'Adoption'), ...write },
  }),
  operation({
    method: 'put',
    path: `${base}/adoptions/:presetId/edits`,
    tag: 'catalog',
    summary: 'Save the local edits (a layer over the preset version)',
    ...staff,
    params: preset,
    body: Open({ ops: editList, revision }),
    responses: { 200: json(CatalogView, 'Saved'), ...write },
  }),
  operation({
    method: 'post',
    path: `${base}/adoptions/:presetId/publish`,
    tag: 'catalog',
    summary: 'Publish the adopted preset with its edits',
    ...staff,
    params: preset,
    bodyRequired: false,
    responses: { 201: json(Published, 'Published'), 200: json(Published, 'Already published as it is'), ...write },
  }),
  operation({
    method: 'post',
    path: `${base}/adoptions/:presetId/update-preview`,
    tag: 'catalog',
    summary: 'Preview taking the preset’s new version: which edits still apply',
    ...staff,
    params: preset,
    body: Open({ decisions: Opt(decisions) }),
    bodyRequired: false,
    responses: { 200: json(AnyObject(), 'Preview'), ...write },
  }),
  operation({
    method: 'post',
    path: `${base}/adoptions/:presetId/update`,
    tag: 'catalog',
    summary: 'Take the preset’s new version, keeping or dropping each edit',
    ...staff,
    params: preset,
    body: Open({ decisions: Opt(decisions), revision }),
    responses: { 200: json(CatalogView, 'Updated'), ...write },
  }),
  operation({
    method: 'put',
    path: `${base}/adoptions/:presetId/withdrawn`,
    tag: 'catalog',
    summary: 'Stop (or resume) offering the procedure; residents get 404 while withdrawn',
    ...staff,
    params: preset,
    body: Open({ withdrawn: Bool(refusal('bad_withdrawn', 'withdrawn には true か false を指定してください。', 'Give true or false for withdrawn.')) }),
    responses: { 200: AnyObjectResponse('The layer'), ...write },
  }),
  operation({
    method: 'delete',
    path: `${base}/adoptions/:presetId`,
    tag: 'catalog',
    summary: 'Give up the local edits (residents get the national preset again)',
    ...staff,
    params: preset,
    responses: { 204: NO_CONTENT, ...write },
  }),
  operation({
    method: 'get',
    path: `${base}/adoptions/:presetId/export`,
    tag: 'catalog',
    summary: 'Download the adopted procedure as a file',
    ...staff,
    params: preset,
    responses: { 200: json(ProcedureFile, 'File'), ...write },
  }),

  operation({
    method: 'post',
    path: `${base}/procedures`,
    tag: 'builder',
    summary: 'Create an own procedure (an empty draft)',
    ...staff,
    params: pathParams(code),
    body: Open({ id: procedureId, title }),
    responses: { 201: json(CatalogView, 'Created'), ...write },
  }),
  operation({
    method: 'post',
    path: `${base}/procedures/import`,
    tag: 'builder',
    summary: 'Import a procedure file or a JSON Schema from elsewhere as a draft',
    ...staff,
    params: pathParams(code),
    body: Open({ id: procedureId, title: Opt(title), file: Type.Unknown({ description: 'A Madoguchi procedure file, or a JSON Schema (draft-07 or 2020-12) from elsewhere' }) }),
    responses: {
      201: json(
        Type.Object({
          view: CatalogView,
          notes: Arr(Str()),
          unsupported: Arr(Type.Object({ pointer: Str(), ja: Str(), en: Str() }), { description: 'What the file has that a form here cannot express: where, and what was done' }),
          autoLabelled: Arr(Str({ description: 'Pointer of a field labelled from its key' })),
        }),
        'Imported, with notes on what was adapted',
      ),
      ...write,
    },
  }),
  operation({
    method: 'get',
    path: `${base}/templates`,
    tag: 'builder',
    summary: 'The template library of everyday local procedures (粗大ごみ, 施設予約…) to start an own procedure from',
    ...staff,
    params: pathParams(code),
    responses: {
      200: json(Type.Object({ items: Arr(Type.Object({ id: Str(), title: Str(), titleEn: Opt(Str()), description: Str() })) }), 'Templates'),
      ...denied,
    },
  }),
  operation({
    method: 'post',
    path: `${base}/procedures/from-template`,
    tag: 'builder',
    summary: 'Create an own procedure whose first draft is a template’s form',
    ...staff,
    params: pathParams(code),
    body: Open(
      { templateId: Str(), id: procedureId, title: Opt(title) },
      refusal('missing_template', '元にするテンプレート（templateId）と手続のID（id）を指定してください。', 'Name the template to start from (templateId) and the new procedure’s id (id).'),
    ),
    responses: { 201: json(CatalogView, 'Created'), ...write },
  }),
  operation({
    method: 'get',
    path: `${base}/procedures/:procedureId`,
    tag: 'builder',
    summary: 'An own procedure: draft, versions, problems',
    ...staff,
    params: own,
    responses: { 200: json(CatalogView, 'Procedure'), ...write },
  }),
  operation({
    method: 'put',
    path: `${base}/procedures/:procedureId/draft`,
    tag: 'builder',
    summary: 'Save the draft (procedure, schema, uiSchema)',
    ...staff,
    params: own,
    body: Open({ document: AnyObject('procedure, schema and uiSchema'), baseHash: Str({ description: 'The content hash the edit started from (optimistic locking)' }) }),
    responses: { 200: json(CatalogView, 'Saved'), ...write },
  }),
  operation({
    method: 'post',
    path: `${base}/procedures/:procedureId/publish`,
    tag: 'builder',
    summary: 'Check and publish the draft as a new immutable version',
    ...staff,
    params: own,
    bodyRequired: false,
    responses: { 201: json(Published, 'Published'), ...write },
  }),
  operation({
    method: 'post',
    path: `${base}/procedures/:procedureId/retire`,
    tag: 'builder',
    summary: 'End online applications (residents get 404; submissions keep their version)',
    ...staff,
    params: own,
    bodyRequired: false,
    responses: { 204: NO_CONTENT, ...write },
  }),
  operation({
    method: 'post',
    path: `${base}/procedures/:procedureId/duplicate`,
    tag: 'builder',
    summary: 'Copy a procedure under a new id',
    ...staff,
    params: own,
    body: Open({ newId: procedureId, title: Opt(title) }),
    responses: { 201: json(CatalogView, 'Copied'), ...write },
  }),
  operation({
    method: 'get',
    path: `${base}/procedures/:procedureId/export`,
    tag: 'builder',
    summary: 'Download a version (default: the latest) as a file',
    ...staff,
    params: own,
    query: Open({ version: Opt(Str({ ...versionNumber, ...refusal('bad_version', 'version は整数で指定してください。', 'Give version as an integer.') })) }),
    responses: { 200: json(ProcedureFile, 'File'), ...write },
  }),

  operation({
    method: 'get',
    path: '/staff/presets',
    tag: 'preset-library',
    summary: 'The preset library with pending edits and releases',
    ...staff,
    responses: { 200: json(Type.Object({ items: Arr(AnyObject()) }), 'Presets'), ...denied },
  }),
  operation({
    method: 'get',
    path: '/staff/presets/:presetId',
    tag: 'preset-library',
    summary: 'One preset with its pending edits',
    ...staff,
    params: libraryPreset,
    responses: { 200: json(CatalogView, 'Preset'), ...write },
  }),
  operation({
    method: 'put',
    path: '/staff/presets/:presetId/edits',
    tag: 'preset-library',
    summary: 'Save pending edits to a preset',
    ...staff,
    params: libraryPreset,
    body: Open({ ops: editList, revision }),
    responses: { 200: json(CatalogView, 'Saved'), ...write },
  }),
  operation({
    method: 'delete',
    path: '/staff/presets/:presetId/edits',
    tag: 'preset-library',
    summary: 'Discard the pending edits',
    ...staff,
    params: libraryPreset,
    responses: { 204: NO_CONTENT, ...write },
  }),
  operation({
    method: 'post',
    path: '/staff/presets/:presetId/publish',
    tag: 'preset-library',
    summary: 'Publish a new preset version with a change note for municipalities',
    ...staff,
    params: libraryPreset,
    body: Open({ note: Str() }),
    responses: { 201: json(Published, 'Published'), 200: json(Published, 'Unchanged'), ...write },
  }),
  operation({
    method: 'get',
    path: '/staff/presets/:presetId/diff',
    tag: 'preset-library',
    summary: 'What changed between two versions',
    ...staff,
    params: libraryPreset,
    query: Open({
      from: Str({ ...versionNumber, ...refusal('bad_version', 'from と to に版の番号を指定してください。', 'Give version numbers for from and to.') }),
      to: Str({ ...versionNumber, ...refusal('bad_version', 'from と to に版の番号を指定してください。', 'Give version numbers for from and to.') }),
    }),
    responses: { 200: json(AnyObject(), 'Differences'), ...write },
  }),
];

function AnyObjectResponse(description: string): ResponseSpec {
  return json(Nullable(AnyObject()), description);
}
