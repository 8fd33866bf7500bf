/**
 * Municipalities adopt, edit and add life-event guides (the staff console),
 * as they do procedures: each save is a draft version checked against the
 * municipality's catalog, publishing makes it what residents see and keeps
 * the versions before it, and a national guide can be hidden. Every change
 * goes to the audit trail.
 */
import type { GuideEditorView, GuideListEntry, GuideSource, GuideVersionSummary, Language, LifeEventGuide } from '@madoguchi/shared';
import { BadRequestError, ConflictError, NotFoundError, ValidationError } from '../../errors';
import { msg } from '../../i18n/messages';
import type { GuideVersion } from '../../storage/guideTypes';
import type { Storage } from '../../storage/types';
import type { Actor } from '../catalog';
import type { CatalogOverview } from '../catalog/catalogOverview';
import type { CatalogService } from '../procedures/catalogService';
import { GUIDE_ID_PATTERN, guideInputProblems, normalizeGuide } from './guideInput';

export type { GuideEditorView, GuideListEntry, GuideSource, GuideVersionSummary } from '@madoguchi/shared';

const summary = (v: GuideVersion): GuideVersionSummary => ({ version: v.version, status: v.status, hidden: v.hidden, updatedAt: v.updatedAt, updatedBy: v.updatedBy, publishedAt: v.publishedAt });
const NEW_GUIDE_LEAD = 'いくつかの質問に答えると、必要な手続と期限がわかります。';

export class GuideEditor {
  constructor(
    private readonly storage: Storage,
    private readonly national: readonly LifeEventGuide[],
    private readonly overview: CatalogOverview,
    private readonly catalog: CatalogService,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private nationalGuide(id: string) {
    return this.national.find((g) => g.id === id);
  }

  async list(code: string): Promise<GuideListEntry[]> {
    const latest = await this.storage.guides.listLatest(code);
    const published = new Map((await this.storage.guides.listPublished(code)).map((v) => [v.guideId, v]));
    const latestOf = new Map(latest.map((v) => [v.guideId, v]));
    const entry = (id: string, source: GuideSource, shownGuide: LifeEventGuide) => {
      const live = published.get(id);
      const last = latestOf.get(id);
      return {
        id,
        lifeEvent: shownGuide.lifeEvent,
        title: shownGuide.title,
        source,
        // Until the municipality publishes its copy, residents see the national guide.
        shown: live ? !live.hidden : source !== 'own',
        published: live ? summary(live) : null,
        draft: last?.status === 'draft' ? summary(last) : null,
      };
    };
    const national = this.national.map((g) => entry(g.id, latestOf.has(g.id) ? 'adopted' : 'national', latestOf.get(g.id)?.guide ?? g));
    const own = latest.filter((v) => !this.nationalGuide(v.guideId)).map((v) => entry(v.guideId, 'own', v.guide));
    return [...own, ...national];
  }

  async view(code: string, guideId: string): Promise<GuideEditorView> {
    const versions = await this.storage.guides.listVersions(code, guideId);
    const latest = versions.at(-1);
    const national = this.nationalGuide(guideId);
    if (!latest && !national) throw new NotFoundError(msg('guideNotFound'), 'guide_not_found');
    const [catalog, offered] = await Promise.all([this.overview.listFor(code), this.catalog.list(code)]);
    return {
      guideId,
      source: !latest ? 'national' : national ? 'adopted' : 'own',
      guide: latest?.guide ?? national!,
      hidden: latest?.hidden ?? false,
      version: latest?.version ?? 0,
      versions: versions.map(summary).reverse(),
      procedures: Object.fromEntries(catalog.map((p) => [p.id, p.title])),
      online: Object.fromEntries(offered.map((p) => [p.id, p.title])),
    };
  }

  /** A new guide of the municipality's own, as a draft with no questions or items yet. */
  async create(code: string, input: { id: string; lifeEvent: string; title: string }, actor: Actor, language: Language): Promise<GuideEditorView> {
    if (!GUIDE_ID_PATTERN.test(input.id)) throw new BadRequestError(msg('badGuideId'), 'bad_guide_id');
    if (this.nationalGuide(input.id) || (await this.storage.guides.listVersions(code, input.id)).length) throw new ConflictError(msg('guideExists'), 'guide_exists');
    const guide: LifeEventGuide = { id: input.id, lifeEvent: input.lifeEvent, title: input.title, lead: NEW_GUIDE_LEAD, questions: [], items: [] };
    await this.write(code, input.id, guide, false, 0, actor, language, 'guide.created');
    return this.view(code, input.id);
  }

  /**
   * Saves the guide as the draft (`version`: the latest version the editor read). The first save of a
   * national guide adopts it; a save after publishing starts the next version.
   */
  async save(code: string, guideId: string, input: { guide: LifeEventGuide; hidden?: boolean; version: number }, actor: Actor, language: Language): Promise<GuideEditorView> {
    const versions = await this.storage.guides.listVersions(code, guideId);
    if (!versions.length && !this.nationalGuide(guideId)) throw new NotFoundError(msg('guideNotFound'), 'guide_not_found');
    await this.write(code, guideId, input.guide, input.hidden ?? versions.at(-1)?.hidden ?? false, input.version, actor, language, 'guide.draft_saved');
    return this.view(code, guideId);
  }

  /** Hides a national guide from residents (or shows it again) as a new published version of the municipality's copy. */
  async setHidden(code: string, guideId: string, hidden: boolean, actor: Actor, language: Language): Promise<GuideEditorView> {
    const national = this.nationalGuide(guideId);
    if (!national) throw new ConflictError(msg('guideNotNational'), 'not_national');
    const latest = (await this.storage.guides.listVersions(code, guideId)).at(-1);
    if (latest?.status === 'draft') throw new ConflictError(msg('guideHasDraft'), 'guide_has_draft');
    await this.write(code, guideId, latest?.guide ?? national, hidden, latest?.version ?? 0, actor, language, hidden ? 'guide.hidden' : 'guide.shown');
    await this.publish(code, guideId, actor, language);
    return this.view(code, guideId);
  }

  /** Publishes the draft: residents see it from now on; the version before it is kept, retired. */
  async publish(code: string, guideId: string, actor: Actor, language: Language): Promise<GuideVersionSummary> {
    const latest = (await this.storage.guides.listVersions(code, guideId)).at(-1);
    if (!latest && !this.nationalGuide(guideId)) throw new NotFoundError(msg('guideNotFound'), 'guide_not_found');
    if (latest?.status !== 'draft') throw new ConflictError(msg('guideNoDraft'), 'nothing_to_publish');
    // The catalog may have changed since the draft was saved: check again, as procedures are checked before publishing.
    await this.assertValid(code, latest.guide, language);
    const published = await this.storage.guides.publish(code, guideId, latest.version, this.now().toISOString(), actor.userId);
    if (!published) throw new ConflictError(msg('guideStale'), 'stale_guide');
    await this.audit(actor, 'guide.published', code, guideId, { version: published.version, hidden: published.hidden });
    return summary(published);
  }

  private async assertValid(code: string, guide: LifeEventGuide, language: Language): Promise<void> {
    const ids = new Set((await this.overview.listFor(code)).map((p) => p.id));
    const problems = guideInputProblems(guide, ids, language);
    if (problems.length) throw new ValidationError(msg('guideInvalid', { count: problems.length }), problems);
  }

  /** Checks, then stores the guide as the draft on top of `expected` (the latest version number read). */
  private async write(code: string, guideId: string, raw: LifeEventGuide, hidden: boolean, expected: number, actor: Actor, language: Language, action: string): Promise<void> {
    const guide = normalizeGuide(raw, guideId);
    await this.assertValid(code, guide, language);
    const latest = (await this.storage.guides.listVersions(code, guideId)).at(-1);
    if ((latest?.version ?? 0) !== expected) throw new ConflictError(msg('guideStale'), 'stale_guide');
    const at = this.now().toISOString();
    if (latest?.status === 'draft') {
      if (!(await this.storage.guides.replaceDraft(code, guideId, latest.version, { guide, hidden, updatedAt: at, updatedBy: actor.userId })))
        throw new ConflictError(msg('guideStale'), 'stale_guide');
    } else {
      const basedOn = this.nationalGuide(guideId) ? guideId : null;
      await this.storage.guides.insertDraft({
        municipalityCode: code,
        guideId,
        version: expected + 1,
        basedOn,
        hidden,
        guide,
        createdAt: at,
        createdBy: actor.userId,
        updatedAt: at,
        updatedBy: actor.userId,
      });
    }
    await this.audit(actor, action, code, guideId, { version: latest?.status === 'draft' ? latest.version : expected + 1 });
  }

  private audit(actor: Actor, action: string, code: string, guideId: string, details: Record<string, unknown>) {
    return this.storage.audit.append({ at: this.now().toISOString(), actor: actor.userId, action, municipalityCode: code, targetType: 'guide', targetId: guideId, details });
  }
}
