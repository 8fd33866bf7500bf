/**
 * A municipality's own procedures, made in the builder or imported: a draft
 * version saved as staff work, checked and published as a new immutable
 * version; retired, duplicated, exported and imported as JSON.
 */
import {
  PRESET_OWNER,
  PROCEDURE_ID_PATTERN,
  checkDraft,
  defaultProcedure,
  exportDocument,
  finalizeDocument,
  importDocument,
  summarizeVersion,
  type FormDocument,
  type FormVersion,
  type OwnProcedureView,
  type ProcedureExport,
  type ImportUnsupported,
  type TemplateSummary,
} from '@madoguchi/shared';
import { BadRequestError, ConflictError, NotFoundError } from '../../errors';
import type { Storage } from '../../storage/types';
import { refusalsToApi } from './catalogErrors';
import { documentHash, documentOf } from './documents';
import { assertPublishable, assertSafePatterns, type PublishOutcome } from './publishing';
import { recordCatalogEvent, type Actor } from './catalogAudit';
import { msg } from '../../i18n/messages';
import { publishVersion, replaceDraft, retireVersion } from '../procedures/versionLifecycle';
import { TemplateLibrary } from './templateLibrary';

const ID = new RegExp(PROCEDURE_ID_PATTERN);
const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** Procedures of the municipality's own: drafts, publish, retire, duplicate, export, import. */
export class OwnProcedureService {
  constructor(
    private readonly storage: Storage,
    private readonly now: () => Date = () => new Date(),
    private readonly templates: TemplateLibrary = new TemplateLibrary(),
  ) {}

  private async assertNewId(code: string, id: unknown): Promise<string> {
    if (typeof id !== 'string' || !ID.test(id)) {
      throw new BadRequestError(msg('badProcedureId'), 'bad_procedure_id');
    }
    if (await this.storage.procedures.getLatest(PRESET_OWNER, id)) {
      throw new ConflictError(msg('idIsPreset'), 'id_is_preset');
    }
    if (await this.storage.procedures.getLatest(code, id)) throw new ConflictError(msg('procedureExists'), 'procedure_exists');
    return id;
  }

  private static title(value: unknown): string {
    if (typeof value !== 'string' || !value.trim() || value.length > 120) throw new BadRequestError(msg('badTitle'), 'bad_title');
    return value.trim();
  }

  /** The latest version of an own procedure (adopted presets are not own procedures). */
  private async latest(code: string, id: string): Promise<FormVersion> {
    const latest = await this.storage.procedures.getLatest(code, id);
    if (!latest) throw new NotFoundError(msg('procedureNotFound'), 'procedure_not_found');
    if (latest.procedure.basedOn) throw new ConflictError(msg('adoptedProcedure'), 'adopted_procedure');
    return latest;
  }

  private async insert(code: string, doc: FormDocument, actor: Actor, action: 'catalog.procedure_created' | 'catalog.imported', details: Record<string, unknown> = {}): Promise<OwnProcedureView> {
    const final = finalizeDocument(doc, code);
    await assertSafePatterns(final);
    await this.storage.procedures.createDraft({ ...final, contentHash: documentHash(final) }, this.now());
    await recordCatalogEvent(this.storage, this.now, actor, action, code, final.procedure.id, details);
    return this.view(code, final.procedure.id);
  }

  /** A new, empty procedure as a draft. */
  async create(code: string, body: { id?: unknown; title?: unknown }, actor: Actor): Promise<OwnProcedureView> {
    const id = await this.assertNewId(code, body.id);
    const title = OwnProcedureService.title(body.title);
    const doc: FormDocument = { procedure: defaultProcedure(code, id, title), schema: { type: 'object', title, properties: {} }, uiSchema: {} };
    return this.insert(code, doc, actor, 'catalog.procedure_created');
  }

  async view(code: string, id: string): Promise<OwnProcedureView> {
    const latest = await this.latest(code, id);
    const versions = await this.storage.procedures.listVersions(code, id);
    const published = versions.find((v) => v.status === 'published');
    const document = documentOf(latest);
    return {
      procedureId: id,
      document,
      latest: summarizeVersion(latest),
      published: published ? summarizeVersion(published) : null,
      versions: versions.map(summarizeVersion),
      problems: checkDraft(document),
    };
  }

  /** Saves the builder's document as the draft (a new draft when the latest version is published). */
  async saveDraft(code: string, id: string, body: { document?: unknown; baseHash?: unknown }, actor: Actor): Promise<OwnProcedureView> {
    const latest = await this.latest(code, id);
    if (body.baseHash !== latest.contentHash) {
      throw new ConflictError(msg('staleDraft'), 'stale_draft');
    }
    const raw = body.document;
    if (!isObject(raw) || !isObject(raw.procedure) || !isObject(raw.schema) || raw.schema.type !== 'object' || !isObject(raw.uiSchema)) {
      throw new BadRequestError(msg('badDocument'), 'bad_document');
    }
    const { basedOn: _dropped, ...procedure } = raw.procedure as unknown as FormDocument['procedure'];
    const doc = finalizeDocument({ procedure: { ...procedure, id, owner: code }, schema: raw.schema, uiSchema: raw.uiSchema }, code);
    await assertSafePatterns(doc);
    const input = { ...doc, contentHash: documentHash(doc) };
    if (latest.status === 'draft') await replaceDraft(this.storage.procedures, { owner: code, procedureId: id, version: latest.version }, input);
    else await this.storage.procedures.createDraft(input, this.now());
    await recordCatalogEvent(this.storage, this.now, actor, 'catalog.draft_saved', code, id);
    return this.view(code, id);
  }

  /** Checks and publishes the draft as a new immutable version; the version before it is retired. */
  async publish(code: string, id: string, actor: Actor): Promise<PublishOutcome> {
    const latest = await this.latest(code, id);
    if (latest.status !== 'draft') throw new ConflictError(msg('noDraftToPublish'), 'nothing_to_publish');
    await assertPublishable(documentOf(latest));
    const version = await publishVersion(this.storage.procedures, { owner: code, procedureId: id, version: latest.version }, this.now());
    await recordCatalogEvent(this.storage, this.now, actor, 'catalog.published', code, id, { version: version.version });
    return { version, unchanged: false };
  }

  /** Ends online applications for the procedure; submissions made keep their version. */
  async retire(code: string, id: string, actor: Actor): Promise<void> {
    await this.latest(code, id);
    const published = await this.storage.procedures.getPublished(code, id);
    if (!published) throw new ConflictError(msg('procedureNotPublished'), 'not_published');
    await retireVersion(this.storage.procedures, { owner: code, procedureId: id, version: published.version }, this.now());
    await recordCatalogEvent(this.storage, this.now, actor, 'catalog.retired', code, id, { version: published.version });
  }

  /** A copy under a new id, as a draft: of an own procedure, an adopted one, or a preset. */
  async duplicate(code: string, id: string, body: { newId?: unknown; title?: unknown }, actor: Actor): Promise<OwnProcedureView> {
    const source = (await this.storage.procedures.getLatest(code, id)) ?? (await this.storage.procedures.getPublished(PRESET_OWNER, id));
    if (!source) throw new NotFoundError(msg('procedureNotFound'), 'procedure_not_found');
    const newId = await this.assertNewId(code, body.newId);
    const title = OwnProcedureService.title(body.title ?? `${source.procedure.title}（コピー）`);
    const { basedOn: _dropped, ...procedure } = source.procedure;
    const schema = source.schema.title === source.procedure.title ? { ...source.schema, title } : source.schema;
    return this.insert(code, { procedure: { ...procedure, id: newId, owner: code, title }, schema, uiSchema: source.uiSchema }, actor, 'catalog.procedure_created');
  }

  /** The template library staff may start a procedure from. */
  listTemplates(): TemplateSummary[] {
    return this.templates.list();
  }

  /** A new procedure whose first draft is a template's form (id and title chosen by staff; the title defaults to the template's). */
  async fromTemplate(code: string, body: { templateId?: unknown; id?: unknown; title?: unknown }, actor: Actor): Promise<OwnProcedureView> {
    const template = typeof body.templateId === 'string' ? this.templates.find(body.templateId) : undefined;
    if (!template) throw new NotFoundError(msg('templateNotFound'), 'template_not_found');
    const id = await this.assertNewId(code, body.id);
    const title = OwnProcedureService.title(body.title === undefined || body.title === '' ? template.procedure.title : body.title);
    return this.insert(code, TemplateLibrary.document(template, code, id, title), actor, 'catalog.procedure_created', { template: template.procedure.id });
  }

  /** One version (default: the latest) as a JSON file. */
  async export(code: string, id: string, version?: number): Promise<ProcedureExport> {
    const v = version === undefined ? await this.storage.procedures.getLatest(code, id) : await this.storage.procedures.getVersion(code, id, version);
    if (!v) throw new NotFoundError(msg('procedureVersionNotFound'), 'version_not_found');
    return exportDocument(documentOf(v), this.now());
  }

  /** A new procedure from a JSON file: our export, a preset file, or a plain JSON Schema (+ uiSchema). */
  async import(
    code: string,
    body: { id?: unknown; title?: unknown; file?: unknown },
    actor: Actor,
  ): Promise<{ view: OwnProcedureView; notes: string[]; unsupported: ImportUnsupported[]; autoLabelled: string[] }> {
    const id = await this.assertNewId(code, body.id);
    const title = body.title === undefined || body.title === '' ? undefined : OwnProcedureService.title(body.title);
    const { document, notes, unsupported, autoLabelled } = refusalsToApi(() => importDocument(body.file, code, id, title));
    return { view: await this.insert(code, document, actor, 'catalog.imported'), notes, unsupported, autoLabelled };
  }
}
