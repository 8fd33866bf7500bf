/**
 * 被災者支援 (issue #20): a municipal admin declares a disaster and closes it.
 * While one is open the municipality's pages show its banner, its disaster
 * procedures take the disaster from the declaration (residents never type its
 * name) and the inbox has a triage queue for it. Closing ends the banner;
 * applications keep their link. Every change is audited.
 */
import { randomUUID } from 'node:crypto';
import { toPublicDisaster, type Disaster, type Language, type PublicDisaster } from '@madoguchi/shared';
import { ConflictError, NotFoundError } from '../../errors';
import type { Storage } from '../../storage/types';
import { checkDeclaration } from './disasterRules';

export interface DisasterActor {
  userId: string;
}

const say = (language: Language, ja: string, en: string) => (language === 'en' ? en : ja);

export class DisasterService {
  constructor(
    private readonly storage: Storage,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async declare(municipalityCode: string, input: unknown, actor: DisasterActor, language: Language): Promise<Disaster> {
    const declaration = checkDeclaration(input, language, this.now());
    const at = this.now().toISOString();
    const disaster: Disaster = { id: randomUUID(), municipalityCode, ...declaration, status: 'open', declaredAt: at, declaredBy: actor.userId, closedAt: null, closedBy: null, updatedAt: at };
    await this.storage.disasters.create(disaster);
    await this.audit(disaster, actor, 'disaster.declared', { name: disaster.name, occurredOn: disaster.occurredOn });
    return disaster;
  }

  /** Corrects an open disaster's declaration (the area grows as reports come in). */
  async amend(municipalityCode: string, id: string, input: unknown, actor: DisasterActor, language: Language): Promise<Disaster> {
    const current = await this.get(municipalityCode, id, language);
    if (current.status !== 'open') throw new ConflictError(say(language, 'この災害は終了しています。', 'This disaster has been closed.'), 'disaster_closed');
    const declaration = checkDeclaration(input, language, this.now());
    const disaster: Disaster = { ...current, ...declaration, updatedAt: this.now().toISOString() };
    await this.storage.disasters.update(disaster);
    await this.audit(disaster, actor, 'disaster.amended', { name: disaster.name });
    return disaster;
  }

  async close(municipalityCode: string, id: string, actor: DisasterActor, language: Language): Promise<Disaster> {
    const current = await this.get(municipalityCode, id, language);
    if (current.status === 'closed') return current;
    const at = this.now().toISOString();
    const disaster: Disaster = { ...current, status: 'closed', closedAt: at, closedBy: actor.userId, updatedAt: at };
    await this.storage.disasters.update(disaster);
    await this.audit(disaster, actor, 'disaster.closed', { name: disaster.name });
    return disaster;
  }

  /** A disaster of this municipality; 404 for another's (its existence is not revealed). */
  async get(municipalityCode: string, id: string, language: Language): Promise<Disaster> {
    const disaster = await this.storage.disasters.get(id);
    if (!disaster || disaster.municipalityCode !== municipalityCode) throw new NotFoundError(say(language, '災害が見つかりません。', 'Disaster not found.'), 'disaster_not_found');
    return disaster;
  }

  list(municipalityCode: string): Promise<Disaster[]> {
    return this.storage.disasters.list(municipalityCode);
  }

  /** The open disasters of a municipality, latest first. */
  async open(municipalityCode: string): Promise<Disaster[]> {
    return (await this.storage.disasters.list(municipalityCode)).filter((d) => d.status === 'open');
  }

  /** What residents see: the open disasters' banners. */
  async publicBanners(municipalityCode: string): Promise<PublicDisaster[]> {
    return (await this.open(municipalityCode)).map(toPublicDisaster);
  }

  private async audit(d: Disaster, actor: DisasterActor, action: string, details: Record<string, unknown>): Promise<void> {
    await this.storage.audit.append({ at: this.now().toISOString(), actor: actor.userId, action, municipalityCode: d.municipalityCode, targetType: 'disaster', targetId: d.id, details });
  }
}
