/**
 * Life-event guides for one municipality: the national guides layered with
 * the municipality's published versions (guideLayers.ts), with each item
 * marked online when the municipality takes that procedure online, and
 * evaluated with the same function the browser uses.
 */
import { evaluateGuide, type GuideResultItem, type LifeEventGuide } from '@madoguchi/shared';
import { BadRequestError, NotFoundError } from '../../errors';
import { msg } from '../../i18n/messages';
import type { CatalogService } from '../procedures/catalogService';
import type { Storage } from '../../storage/types';
import { residentGuides } from './guideLayers';

export interface GuideView {
  guide: LifeEventGuide;
  /** Titles of the guide's procedures this municipality takes online, by id. */
  online: Record<string, string>;
}

export class GuideService {
  constructor(
    private readonly national: LifeEventGuide[],
    private readonly catalog: CatalogService,
    private readonly storage: Storage,
  ) {}

  /** The guides residents of the municipality see. */
  private async guidesFor(code: string): Promise<LifeEventGuide[]> {
    return residentGuides(this.national, await this.storage.guides.listPublished(code));
  }

  async list(code: string): Promise<Array<Pick<LifeEventGuide, 'id' | 'lifeEvent' | 'title' | 'titleEn' | 'lead' | 'leadEn'> & { procedureIds: string[] }>> {
    await this.catalog.list(code); // 404 for an unknown municipality
    return (await this.guidesFor(code)).map(({ id, lifeEvent, title, titleEn, lead, leadEn, items }) => ({
      id,
      lifeEvent,
      title,
      ...(titleEn ? { titleEn } : {}),
      lead,
      ...(leadEn ? { leadEn } : {}),
      procedureIds: [...new Set(items.flatMap((i) => (i.procedureId ? [i.procedureId] : [])))],
    }));
  }

  async get(code: string, guideId: string): Promise<GuideView> {
    const offered = await this.catalog.list(code);
    const guide = (await this.guidesFor(code)).find((g) => g.id === guideId);
    if (!guide) throw new NotFoundError(msg('guideNotFound'), 'guide_not_found');
    const ids = new Set(guide.items.map((i) => i.procedureId).filter(Boolean));
    return { guide, online: Object.fromEntries(offered.filter((p) => ids.has(p.id)).map((p) => [p.id, p.title])) };
  }

  /** The items that apply to these answers (answers to unknown questions or options are refused). */
  async evaluate(code: string, guideId: string, answers: Record<string, unknown>): Promise<GuideResultItem[]> {
    const { guide, online } = await this.get(code, guideId);
    const clean: Record<string, string> = {};
    for (const [id, value] of Object.entries(answers)) {
      const question = guide.questions.find((q) => q.id === id);
      if (!question || typeof value !== 'string' || !question.options.includes(value)) throw new BadRequestError(msg('guideBadAnswer', { question: id }), 'bad_answer');
      clean[id] = value;
    }
    return evaluateGuide(guide, clean, new Set(Object.keys(online)));
  }
}
