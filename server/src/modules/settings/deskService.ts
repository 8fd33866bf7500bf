/**
 * A municipality's contact desks (窓口): name, phone, e-mail, address and
 * opening hours, kept once in its settings. Its procedures name a desk by id
 * (`contactDesk.deskId`), so a changed phone number reaches every procedure
 * at once; the resident's procedure page shows the desk as it is now.
 */
import { randomUUID } from 'node:crypto';
import { JAPANESE_FORMATS, normalizeForFormat, type ContactDesk, type FieldError, type Language } from '@madoguchi/shared';
import { ValidationError } from '../../errors';
import type { MunicipalDesk, Storage } from '../../storage/types';

const MAX_DESKS = 50;
const LIMITS = { name: 100, address: 200, hours: 100, email: 254 } as const;

const TEXT = {
  invalid: { ja: '窓口の内容に{n}件の誤りがあります。', en: 'There are {n} problems with the desks.' },
  name: { ja: '窓口の名称を100文字以内で入力してください。', en: 'Enter the desk’s name (at most 100 characters).' },
  phone: { ja: '電話番号は0から始まる10桁または11桁の数字で入力してください。', en: 'Enter a phone number of 10 or 11 digits starting with 0.' },
  email: { ja: 'メールアドレスの形式が正しくありません。', en: 'Enter a valid e-mail address.' },
  long: { ja: '{n}文字以内で入力してください。', en: 'Enter at most {n} characters.' },
  tooMany: { ja: '窓口は{n}件まで登録できます。', en: 'Up to {n} desks can be registered.' },
} as const;
const say = (key: keyof typeof TEXT, language: Language, n?: number) => TEXT[key][language].replace('{n}', String(n ?? ''));

export class DeskService {
  constructor(
    private readonly storage: Storage,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async list(municipalityCode: string): Promise<MunicipalDesk[]> {
    return (await this.storage.desks.get(municipalityCode))?.desks ?? [];
  }

  /** Replaces the desks; refuses (422, per-field messages) anything malformed, changing nothing. */
  async save(municipalityCode: string, input: unknown, userId: string, language: Language): Promise<MunicipalDesk[]> {
    const raw = Array.isArray((input as { desks?: unknown })?.desks) ? (input as { desks: unknown[] }).desks : [];
    const problems: FieldError[] = [];
    const problem = (i: number, key: string, label: string, message: string) => problems.push({ pointer: `/desks/${i}/${key}`, property: `.desks[${i}].${key}`, label, keyword: 'desk', message });
    if (raw.length > MAX_DESKS) problems.push({ pointer: '/desks', property: '.desks', label: '窓口', keyword: 'maxItems', message: say('tooMany', language, MAX_DESKS) });
    const desks = raw.slice(0, MAX_DESKS).map((d, i): MunicipalDesk => {
      const v = (d ?? {}) as Record<string, unknown>;
      const str = (key: string) => (typeof v[key] === 'string' ? (v[key] as string).trim() : '');
      const name = str('name');
      if (!name || name.length > LIMITS.name) problem(i, 'name', '名称', say('name', language));
      const phone = str('phone') ? normalizeForFormat('jp-phone', str('phone')) : '';
      if (phone && !JAPANESE_FORMATS['jp-phone']!(phone)) problem(i, 'phone', '電話番号', say('phone', language));
      const email = str('email');
      if (email && (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > LIMITS.email)) problem(i, 'email', 'メールアドレス', say('email', language));
      for (const key of ['address', 'hours'] as const) if (str(key).length > LIMITS[key]) problem(i, key, key === 'address' ? '所在地' : '受付時間', say('long', language, LIMITS[key]));
      return {
        id: typeof v.id === 'string' && /^[\w-]{1,64}$/.test(v.id) ? v.id : randomUUID(),
        name,
        ...(phone ? { phone } : {}),
        ...(email ? { email } : {}),
        ...(str('address') ? { address: str('address') } : {}),
        ...(str('hours') ? { hours: str('hours') } : {}),
      };
    });
    if (problems.length) throw new ValidationError(say('invalid', language, problems.length), problems);
    const at = this.now().toISOString();
    await this.storage.desks.set({ municipalityCode, desks, updatedAt: at, updatedBy: userId });
    await this.storage.audit.append({
      at,
      actor: userId,
      action: 'settings.desks_changed',
      municipalityCode,
      targetType: 'municipality',
      targetId: municipalityCode,
      details: { desks: desks.map((d) => d.name) },
    });
    return desks;
  }

  /**
   * The contact a resident sees for a procedure: the municipality's desk it names, as the desk is now;
   * else what the procedure itself says.
   */
  async contactFor(municipalityCode: string, contact: ContactDesk): Promise<ContactDesk> {
    if (!contact.deskId) return contact;
    const desk = (await this.list(municipalityCode)).find((d) => d.id === contact.deskId);
    if (!desk) return contact;
    const { id, ...rest } = desk;
    return { ...rest, deskId: id };
  }
}
