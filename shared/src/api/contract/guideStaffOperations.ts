/**
 * The municipality's life-event guides in the staff console
 * (`/staff/municipalities/:code/guides`): the national and own guides with
 * their state, one guide's draft and versions, saving (the first save of a
 * national guide adopts it), adding a guide, hiding a national guide, and
 * publishing. The rules and procedures are checked by the guide editor
 * (server/src/modules/guides), so only the shape is declared here.
 */
import { Arr, Bool, Closed, DateTime, Enum, Int, Nullable, Str, Type, component, refusal } from './kit';
import { errorResponse, json, pathParams } from './responses';
import { operation, type ResponseSpec } from './operation';
import { LifeEventGuideSchema } from './guideComponents';

const staff = { security: 'staffSession' as const };
const base = '/staff/municipalities/:code/guides';
const code = { code: Str() };
const one = pathParams({ ...code, guideId: Str() });
const denied: Record<number, ResponseSpec> = { 401: errorResponse('Not signed in'), 403: errorResponse('Not allowed'), 404: errorResponse('Unknown municipality or guide') };
const write: Record<number, ResponseSpec> = {
  ...denied,
  400: errorResponse('Malformed'),
  409: errorResponse('Changed meanwhile (stale_guide), or not in a state that allows this'),
  422: errorResponse('The guide has problems (per-field messages); nothing was changed'),
};

const VersionSummary = component(
  'GuideVersionSummary',
  Closed({ version: Int(), status: Enum(['draft', 'published', 'retired'] as const), hidden: Bool(), updatedAt: DateTime(), updatedBy: Str(), publishedAt: Nullable(DateTime()) }),
);
const source = Enum(['national', 'adopted', 'own'] as const, {
  description: 'national: as the platform ships it; adopted: the municipality’s copy of a national guide; own: added by the municipality',
});
const ListEntry = component(
  'GuideListEntry',
  Closed({ id: Str(), lifeEvent: Str(), title: Str(), source, shown: Bool({ description: 'Whether residents see it now' }), published: Nullable(VersionSummary), draft: Nullable(VersionSummary) }),
);
const EditorView = component(
  'GuideEditorView',
  Closed({
    guideId: Str(),
    source,
    guide: LifeEventGuideSchema,
    hidden: Bool(),
    version: Int({ description: 'The latest version number (0: none yet); send it back when saving' }),
    versions: Arr(VersionSummary),
    procedures: Type.Record(Type.String(), Str(), { description: 'Procedures of the municipality’s catalog an item may name, id → title' }),
    online: Type.Record(Type.String(), Str(), { description: 'Procedures residents can apply for online here, id → title' }),
  }),
);
const version = Int({
  minimum: 0,
  description: 'The latest version the editor read',
  ...refusal('bad_version', 'version を0以上の整数で指定してください。', 'Give version as a whole number of 0 or more.'),
});

export const GUIDE_STAFF_OPERATIONS = [
  operation({
    method: 'get',
    path: base,
    tag: 'guides',
    summary: 'The municipality’s life-event guides (national and own) with their state',
    ...staff,
    params: pathParams(code),
    responses: { 200: json(Closed({ items: Arr(ListEntry) }), 'Guides'), ...denied },
  }),
  operation({
    method: 'post',
    path: base,
    tag: 'guides',
    summary: 'Add a guide of the municipality’s own (a draft with no questions or items yet)',
    ...staff,
    params: pathParams(code),
    body: Closed({
      id: Str(refusal('bad_guide_id', '案内のIDを入力してください（例：hikkoshi）。', 'Enter the guide’s id (e.g. hikkoshi).')),
      lifeEvent: Str({
        minLength: 1,
        maxLength: 40,
        ...refusal('bad_life_event', 'ライフイベントを40文字以内で入力してください（例：転入）。', 'Enter the life event in at most 40 characters (e.g. Moving in).'),
      }),
      title: Str({ minLength: 1, maxLength: 120, ...refusal('bad_guide_title', '題名を120文字以内で入力してください。', 'Enter a title of at most 120 characters.') }),
    }),
    responses: { 201: json(EditorView, 'Created'), ...write },
  }),
  operation({
    method: 'get',
    path: `${base}/:guideId`,
    tag: 'guides',
    summary: 'One guide as the editor shows it: the draft (or the national guide), its versions, and the catalog it may name',
    ...staff,
    params: one,
    responses: { 200: json(EditorView, 'Guide'), ...denied },
  }),
  operation({
    method: 'put',
    path: `${base}/:guideId/draft`,
    tag: 'guides',
    summary: 'Save the guide as the draft (the first save of a national guide adopts it)',
    ...staff,
    params: one,
    body: Closed({ guide: LifeEventGuideSchema, version, hidden: Type.Optional(Bool()) }),
    responses: { 200: json(EditorView, 'Saved'), ...write },
  }),
  operation({
    method: 'post',
    path: `${base}/:guideId/publish`,
    tag: 'guides',
    summary: 'Publish the draft: residents see it from now on; the version before it is kept',
    ...staff,
    params: one,
    bodyRequired: false,
    responses: { 201: json(VersionSummary, 'Published'), ...write },
  }),
  operation({
    method: 'put',
    path: `${base}/:guideId/hidden`,
    tag: 'guides',
    summary: 'Hide a national guide from residents, or show it again (published at once)',
    ...staff,
    params: one,
    body: Closed({ hidden: Bool() }),
    responses: { 200: json(EditorView, 'Changed'), ...write },
  }),
];
