/**
 * 書かない窓口 (issue #19), the visitor's side: a tablet at the desk pairs to
 * the visit with the six-digit code the clerk's screen shows, then shows the
 * answers in large type for the visitor to confirm with a tap and, where a
 * procedure asks for a signature, a signature drawn with a finger. The tablet
 * holds only an opaque token; it sees the visit it was paired to and only
 * while it is being confirmed.
 */
import { randomBytes } from 'node:crypto';
import type { Language } from '@madoguchi/shared';
import { ConflictError, UnauthorizedError } from '../../errors';
import type { Storage } from '../../storage/types';
import type { CounterSessionRecord } from '../../storage/counterTypes';
import { sha256Hex } from '../../security/keys';
import type { CatalogService } from '../procedures/catalogService';
import type { MunicipalityRegistry } from '../municipalities/registry';
import type { CounterService } from './counterService';
import { checkSignatureImage } from './counterRules';

const say = (language: Language, ja: string, en: string) => (language === 'en' ? en : ja);

export interface TabletItem {
  procedureId: string;
  title: string;
  /** The procedure's English title, where it has one (the tablet's English screen). */
  titleEn?: string;
  schema: unknown;
  uiSchema: unknown;
  data: Record<string, unknown>;
  /** required: the visitor must sign by hand; optional: they may; none: a tap confirms. */
  signature: 'required' | 'optional' | 'none';
}

export interface TabletView {
  municipalityName: string;
  ticketNumber: string;
  status: CounterSessionRecord['status'];
  /** The revision the visitor confirms: answers changed after it was shown are not confirmed by mistake. */
  revision: number;
  /** Present while the visit waits for the visitor's confirmation. */
  items: TabletItem[];
  /** After submission: each application's 到達番号. */
  receipts: Array<{ procedureId: string; title: string; titleEn?: string; receiptNumber: string }>;
}

export class TabletService {
  constructor(
    private readonly storage: Storage,
    private readonly counter: CounterService,
    private readonly catalog: CatalogService,
    private readonly municipalities: MunicipalityRegistry,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Pairs a tablet with the code shown at the desk; the code works once. Returns the tablet's token. */
  async pair(municipalityCode: string, code: unknown, language: Language): Promise<string> {
    const wrong = () =>
      new ConflictError(
        say(
          language,
          '番号が違うか、有効期限が過ぎています。職員の画面に表示された6桁の番号を入力してください。',
          'The code is wrong or has expired. Enter the 6-digit code shown on the clerk’s screen.',
        ),
        'bad_pairing_code',
      );
    if (typeof code !== 'string' || !/^\d{6}$/.test(code)) throw wrong();
    const record = await this.storage.counterSessions.findByPairingCode(municipalityCode, this.counter.pairingHash(code), this.now());
    if (!record) throw wrong();
    const token = randomBytes(24).toString('base64url');
    const saved = await this.storage.counterSessions.update(
      { ...record, pairingCodeHash: null, pairingExpiresAt: null, tabletTokenHash: sha256Hex(token), updatedAt: this.now().toISOString() },
      record.revision,
    );
    if (!saved) throw wrong();
    return token;
  }

  private async session(token: string | undefined, language: Language): Promise<CounterSessionRecord> {
    const record = token ? await this.storage.counterSessions.findByTabletToken(sha256Hex(token)) : null;
    if (!record || record.status === 'ended') {
      throw new UnauthorizedError(say(language, 'このタブレットは受付とつながっていません。職員に番号をお尋ねください。', 'This tablet is not paired with a visit. Ask the clerk for the code.'));
    }
    return record;
  }

  async view(token: string | undefined, language: Language): Promise<TabletView> {
    const record = await this.session(token, language);
    const municipality = this.municipalities.get(record.municipalityCode);
    const items = record.status === 'confirming' ? await this.items(record) : [];
    const receipts = await this.receipts(record);
    return {
      municipalityName: municipality?.name.replace(' ', '') ?? record.municipalityCode,
      ticketNumber: record.ticketNumber,
      status: record.status,
      revision: record.revision,
      items,
      receipts,
    };
  }

  /** The visitor confirms what the tablet showed (the same revision), signing where asked. */
  async confirm(token: string | undefined, body: { revision?: unknown; signatureImage?: unknown }, language: Language): Promise<TabletView> {
    const record = await this.session(token, language);
    if (record.status !== 'confirming') {
      throw new ConflictError(say(language, 'いまは確認をお願いしている内容がありません。', 'There is nothing to confirm right now.'), 'counter_session_state');
    }
    const items = await this.items(record);
    const signatureImage = body.signatureImage === undefined || body.signatureImage === null ? undefined : checkSignatureImage(body.signatureImage, language);
    if (!signatureImage && items.some((i) => i.signature === 'required')) {
      throw new ConflictError(say(language, '署名欄に署名してください。', 'Please sign in the signature box.'), 'signature_missing');
    }
    await this.counter.change(
      record.municipalityCode,
      record.sessionId,
      body.revision,
      language,
      ['confirming'],
      (r) => ({ ...r, status: 'confirmed', work: { ...r.work, confirmation: { method: 'tablet', at: this.now().toISOString(), ...(signatureImage ? { signatureImage } : {}) } } }),
      'confirmed',
    );
    await this.storage.audit.append({
      at: this.now().toISOString(),
      actor: 'visitor',
      action: 'counter.confirmed_on_tablet',
      municipalityCode: record.municipalityCode,
      targetType: 'counter-session',
      targetId: record.sessionId,
      details: { ticketNumber: record.ticketNumber, signed: !!signatureImage },
    });
    return this.view(token, language);
  }

  private async items(record: CounterSessionRecord): Promise<TabletItem[]> {
    return Promise.all(
      record.procedureIds.map(async (procedureId) => {
        const v = await this.catalog.current(record.municipalityCode, procedureId);
        const policy = v.procedure.signaturePolicy;
        return {
          procedureId,
          title: v.procedure.title,
          ...(v.procedure.titleEn ? { titleEn: v.procedure.titleEn } : {}),
          schema: v.schema,
          uiSchema: v.uiSchema,
          data: record.work.answers[procedureId] ?? {},
          signature: policy === 'required' ? 'required' : policy === 'optional' ? 'optional' : 'none',
        };
      }),
    );
  }

  private async receipts(record: CounterSessionRecord): Promise<TabletView['receipts']> {
    const found = await Promise.all(record.submissionIds.map((id) => this.storage.submissions.findById(id)));
    const receipts: TabletView['receipts'] = [];
    for (const s of found) {
      if (!s) continue;
      const v = await this.catalog.current(record.municipalityCode, s.procedureId).catch(() => null);
      const titleEn = v?.procedure.titleEn;
      receipts.push({ procedureId: s.procedureId, title: v?.procedure.title ?? s.procedureId, ...(titleEn ? { titleEn } : {}), receiptNumber: s.receiptNumber });
    }
    return receipts;
  }
}
