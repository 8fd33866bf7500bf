/**
 * 書かない窓口 (issue #19), the clerk's side: a visit is opened when the
 * visitor arrives (受付番号), served at a desk, its procedures filled in by the
 * clerk (answers reused across procedures as in the one-stop bundle, each
 * answer's source recorded), sent to the paired tablet for the visitor to
 * confirm, and submitted as one bundle of counter applications. Every step is
 * timed by the server; the visit's answers are erased when it ends.
 */
import { randomInt, randomUUID } from 'node:crypto';
import { answeredPointers, todayInJapan, type BundleResponse, type CounterOrigin, type CounterStepKind, type Language } from '@madoguchi/shared';
import { ConflictError, NotFoundError } from '../../errors';
import type { Storage } from '../../storage/types';
import { newCounterVisit, type CounterSessionRecord, type CounterWork } from '../../storage/counterTypes';
import type { SecretDeriver } from '../../security/keys';
import { sha256Hex } from '../../security/keys';
import type { BundleIntakeService } from '../intake/bundleIntakeService';
import type { CatalogService } from '../procedures/catalogService';
import type { DraftService } from '../drafts/draftService';
import type { MunicipalityRegistry } from '../municipalities/registry';
import { toCardIdentity } from '../identity/cardClaims';
import { checkDesk, checkProcedureIds, checkWork, parseResumeLink } from './counterRules';

/** How long a tablet pairing code is offered. */
export const PAIRING_MINUTES = 10;

export interface CounterActor {
  userId: string;
}

const say = (language: Language, ja: string, en: string) => (language === 'en' ? en : ja);
const EMPTY_WORK: CounterWork = { shared: {}, answers: {}, sources: {} };

export class CounterService {
  constructor(
    private readonly storage: Storage,
    private readonly bundles: BundleIntakeService,
    private readonly catalog: CatalogService,
    private readonly drafts: DraftService,
    private readonly municipalities: MunicipalityRegistry,
    private readonly secrets: SecretDeriver,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The hash a pairing code is stored and looked up under (keyed: six digits are no secret on their own). */
  pairingHash(code: string): string {
    return sha256Hex(this.secrets.derive('counter-pairing', code));
  }

  /** A visitor arrives: a new visit with the day's next 受付番号. */
  async open(municipalityCode: string, actor: CounterActor): Promise<CounterSessionRecord> {
    const record = await this.storage.counterSessions.create(newCounterVisit(randomUUID(), municipalityCode, this.now()));
    await this.audit(record, actor, 'counter.opened');
    return record;
  }

  /** Today's visits of the municipality (the queue and the visits served), oldest first. */
  async today(municipalityCode: string) {
    const day = todayInJapan(this.now());
    const from = new Date(`${day}T00:00:00+09:00`);
    return this.storage.counterSessions.timelines(municipalityCode, from, new Date(from.getTime() + 86_400_000));
  }

  async get(municipalityCode: string, id: string, language: Language): Promise<CounterSessionRecord> {
    const record = await this.storage.counterSessions.get(id);
    // Another municipality's visit is as unknown as a missing one.
    if (!record || record.municipalityCode !== municipalityCode) {
      throw new NotFoundError(say(language, 'この受付は見つかりません。', 'This visit was not found.'), 'counter_session_not_found');
    }
    return record;
  }

  /**
   * A visit as a screen reads it. The clerk serving it reads it all the time
   * (their own screen, every few seconds); anyone else's look at the answers
   * is audited, as a look at an application is.
   */
  async read(municipalityCode: string, id: string, actor: CounterActor, language: Language): Promise<CounterSessionRecord> {
    const record = await this.get(municipalityCode, id, language);
    if (record.servedBy && record.servedBy !== actor.userId && record.status !== 'ended') await this.audit(record, actor, 'counter.read');
    return record;
  }

  /** The clerk calls the visitor to a desk. */
  async start(municipalityCode: string, id: string, body: { desk?: unknown; revision?: unknown }, actor: CounterActor, language: Language) {
    const desk = checkDesk(body.desk, language);
    return this.change(municipalityCode, id, body.revision, language, ['waiting'], (r) => ({ ...r, status: 'serving', desk, servedBy: actor.userId }), 'serviceStarted');
  }

  /** Saves the clerk's work: the procedures chosen and their answers with sources (often, while typing). */
  async save(
    municipalityCode: string,
    id: string,
    body: { revision?: unknown; procedureIds?: unknown; guideId?: unknown; shared?: unknown; answers?: unknown; sources?: unknown },
    language: Language,
  ) {
    const procedureIds = checkProcedureIds(body.procedureIds, language);
    for (const procedureId of procedureIds) await this.catalog.current(municipalityCode, procedureId); // 404 for one not offered here
    const work = checkWork(body, procedureIds, language);
    const guideId = typeof body.guideId === 'string' && body.guideId.length <= 100 ? body.guideId : null;
    // Changing answers the tablet shows takes them back from the tablet: the visitor confirms what is final.
    return this.change(municipalityCode, id, body.revision, language, ['serving', 'confirming'], (r) => ({
      ...r,
      status: 'serving',
      procedureIds,
      guideId: guideId ?? r.guideId,
      work: { ...r.work, ...work },
    }));
  }

  /** A procedure's form opened, or marked done by the clerk (timed for the desk's figures). */
  async procedureStep(municipalityCode: string, id: string, body: { kind?: unknown; procedureId?: unknown; revision?: unknown }, language: Language) {
    const kind = body.kind === 'procedureStarted' || body.kind === 'procedureFinished' ? body.kind : null;
    const record = await this.get(municipalityCode, id, language);
    if (!kind || typeof body.procedureId !== 'string' || !record.procedureIds.includes(body.procedureId)) {
      throw new ConflictError(say(language, 'この受付で選ばれていない手続です。', 'That procedure is not part of this visit.'), 'bad_counter_step');
    }
    const procedureId = body.procedureId;
    // A form opened again is not started again.
    if (kind === 'procedureStarted' && record.steps.some((s) => s.kind === kind && s.procedureId === procedureId)) return record;
    return this.change(municipalityCode, id, body.revision, language, ['serving'], (r) => r, kind, procedureId);
  }

  /** The 基本4情報 the card-reader agent read from the visitor's card (the PIN never reaches the server). */
  async cardRead(municipalityCode: string, id: string, body: { revision?: unknown; name?: unknown; address?: unknown; birthdate?: unknown; sex?: unknown }, actor: CounterActor, language: Language) {
    const identity = toCardIdentity({ name: body.name, address: body.address, birthdate: body.birthdate, gender: body.sex }, this.municipalities, this.now());
    if (!identity) {
      throw new ConflictError(say(language, 'カードから氏名と住所を読み取れませんでした。', 'The name and address could not be read from the card.'), 'bad_card_data');
    }
    const record = await this.change(municipalityCode, id, body.revision, language, ['serving'], (r) => ({ ...r, identitySource: 'card', work: { ...r.work, identity } }), 'cardRead');
    await this.audit(record, actor, 'counter.card_read');
    return { record, identity };
  }

  /**
   * 事前入力: the answers a resident saved online behind a resume link (a
   * single form or a one-stop bundle) become the visit's answers, each
   * recorded as given by the resident.
   */
  async prefill(municipalityCode: string, id: string, body: { revision?: unknown; link?: unknown }, actor: CounterActor, language: Language) {
    const { draftId, secret } = parseResumeLink(body.link, language);
    const draft = await this.drafts.get(draftId, secret, language);
    if (draft.municipalityCode !== municipalityCode) {
      throw new ConflictError(say(language, 'この事前入力は、ほかの市区町村あてのものです。', 'These answers were prepared for another municipality.'), 'prefill_other_municipality');
    }
    const forms: Record<string, Record<string, unknown>> = draft.bundle
      ? Object.fromEntries(Object.entries(draft.bundle.forms).map(([pid, f]) => [pid, f.data as Record<string, unknown>]))
      : { [draft.procedureId]: draft.data as Record<string, unknown> };
    const shared = (draft.bundle?.shared ?? {}) as CounterWork['shared'];
    const record = await this.change(municipalityCode, id, body.revision, language, ['serving'], (r) => {
      const procedureIds = [...new Set([...r.procedureIds, ...(draft.bundle?.procedureIds ?? [draft.procedureId])])];
      const sources = { ...r.work.sources };
      for (const [pid, data] of Object.entries(forms)) sources[pid] = { ...sources[pid], ...Object.fromEntries(answeredPointers(data).map((p) => [p, 'prefill' as const])) };
      sources.shared = { ...sources.shared, ...Object.fromEntries(answeredPointers(shared).map((p) => [p, 'prefill' as const])) };
      return {
        ...r,
        procedureIds,
        guideId: draft.bundle?.guideId ?? r.guideId,
        prefilled: true,
        work: { ...r.work, shared: { ...r.work.shared, ...shared }, answers: { ...r.work.answers, ...forms }, sources },
      };
    });
    await this.audit(record, actor, 'counter.prefill_loaded', { draftId });
    return record;
  }

  /** A fresh six-digit code the tablet at this desk enters; pairing a new tablet unpairs the old one. */
  async pair(municipalityCode: string, id: string, body: { revision?: unknown }, language: Language) {
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const expiresAt = new Date(this.now().getTime() + PAIRING_MINUTES * 60_000).toISOString();
    const record = await this.change(municipalityCode, id, body.revision, language, ['serving', 'confirming'], (r) => ({
      ...r,
      pairingCodeHash: this.pairingHash(code),
      pairingExpiresAt: expiresAt,
      tabletTokenHash: null,
    }));
    return { record, code, expiresAt };
  }

  /**
   * The answers go to the visitor for confirmation: each application is
   * checked as intake will check it, so what the visitor confirms can be
   * submitted. Problems come back per procedure, nothing changes.
   */
  async requestConfirmation(municipalityCode: string, id: string, body: { revision?: unknown }, language: Language) {
    const record = await this.get(municipalityCode, id, language);
    if (record.procedureIds.length === 0) {
      throw new ConflictError(say(language, '手続がまだ選ばれていません。', 'No procedure has been chosen yet.'), 'no_procedures');
    }
    await this.bundles.checkOnly({ municipalityCode, items: this.items(record), language, counter: this.origins(record, { method: 'tablet', at: '' }) });
    return this.change(municipalityCode, id, body.revision, language, ['serving', 'confirming'], (r) => ({ ...r, status: 'confirming' }), 'confirmationRequested');
  }

  /** The visitor prefers paper: they signed the printed 申請書, the clerk records it. */
  async confirmOnPaper(municipalityCode: string, id: string, body: { revision?: unknown }, actor: CounterActor, language: Language) {
    const record = await this.change(
      municipalityCode,
      id,
      body.revision,
      language,
      ['confirming'],
      (r) => ({
        ...r,
        status: 'confirmed',
        tabletTokenHash: null,
        work: { ...r.work, confirmation: { method: 'paper', at: this.now().toISOString() } },
      }),
      'confirmed',
    );
    await this.audit(record, actor, 'counter.confirmed_on_paper');
    return record;
  }

  /**
   * Stores the confirmed applications as one bundle (channel 窓口). Keyed by
   * the visit: a retry after a lost answer gets the same receipts back.
   */
  async submit(municipalityCode: string, id: string, language: Language): Promise<{ record: CounterSessionRecord; receipt: BundleResponse }> {
    const record = await this.get(municipalityCode, id, language);
    const confirmation = record.work.confirmation;
    if (!(record.status === 'confirmed' || record.status === 'submitted') || !confirmation) {
      throw new ConflictError(say(language, 'ご本人の確認がまだ済んでいません。', 'The visitor has not confirmed the answers yet.'), 'not_confirmed');
    }
    const { response } = await this.bundles.submit({
      municipalityCode,
      items: this.items(record),
      idempotencyKey: `counter-${record.sessionId}`,
      language,
      counter: this.origins(record, confirmation),
    });
    if (record.status === 'submitted') return { record, receipt: response };
    const ids = await Promise.all(response.items.map(async (i) => (await this.storage.submissions.findByReceiptNumber(i.receiptNumber))?.id ?? ''));
    const saved = await this.change(municipalityCode, id, record.revision, language, ['confirmed'], (r) => ({ ...r, status: 'submitted', submissionIds: ids.filter(Boolean) }), 'submitted');
    return { record: saved, receipt: response };
  }

  /** The visit is over: the answers, card data and signature are erased (the applications keep what was submitted). */
  async end(municipalityCode: string, id: string, body: { revision?: unknown }, actor: CounterActor, language: Language) {
    const record = await this.change(
      municipalityCode,
      id,
      body.revision,
      language,
      ['waiting', 'serving', 'confirming', 'confirmed', 'submitted'],
      (r) => ({ ...r, status: 'ended', work: EMPTY_WORK, pairingCodeHash: null, pairingExpiresAt: null, tabletTokenHash: null }),
      'ended',
    );
    await this.audit(record, actor, 'counter.ended', { submitted: record.submissionIds.length });
    return record;
  }

  /**
   * Visits left open past the day they were opened in (the clerk never pressed
   * 「受付を終了する」) lose their answers, card data and signature: they are
   * closed without an `ended` step, so the desk's figures count them as never
   * ended rather than as a day-long service. Returns how many were closed.
   */
  async closeAbandoned(): Promise<number> {
    const startOfToday = new Date(`${todayInJapan(this.now())}T00:00:00+09:00`);
    let closed = 0;
    for (;;) {
      const batch = await this.storage.counterSessions.unendedBefore(startOfToday, 100);
      for (const r of batch) {
        const done = await this.storage.counterSessions.update(
          { ...r, status: 'ended', work: EMPTY_WORK, pairingCodeHash: null, pairingExpiresAt: null, tabletTokenHash: null, updatedAt: this.now().toISOString() },
          r.revision,
        );
        if (done) closed++;
      }
      if (batch.length < 100) return closed;
    }
  }

  /** The applications of a visit as the bundle takes them: answers only, documents were seen at the desk. */
  items(record: CounterSessionRecord) {
    return record.procedureIds.map((procedureId) => ({ procedureId, data: record.work.answers[procedureId] ?? {}, attachments: {} }));
  }

  private origins(record: CounterSessionRecord, confirmation: CounterOrigin['confirmation']): Record<string, CounterOrigin> {
    return Object.fromEntries(
      record.procedureIds.map((procedureId) => [
        procedureId,
        {
          sessionId: record.sessionId,
          ticketNumber: record.ticketNumber,
          desk: record.desk,
          servedBy: record.servedBy,
          sources: record.work.sources[procedureId] ?? {},
          identitySource: record.identitySource ?? 'typed',
          prefilled: record.prefilled,
          confirmation,
        },
      ]),
    );
  }

  /**
   * One change to a visit: refused when the visit is not in one of `from`, or
   * changed since the screen read it (`revision`); `step` is timed now.
   */
  async change(
    municipalityCode: string,
    id: string,
    revision: unknown,
    language: Language,
    from: CounterSessionRecord['status'][],
    apply: (r: CounterSessionRecord) => CounterSessionRecord,
    step?: CounterStepKind,
    procedureId?: string,
  ): Promise<CounterSessionRecord> {
    const record = await this.get(municipalityCode, id, language);
    if (revision !== undefined && revision !== record.revision) {
      throw new ConflictError(say(language, 'この受付は別の画面で更新されました。画面を読み込み直してください。', 'This visit was changed on another screen. Reload it.'), 'stale_counter_session');
    }
    if (!from.includes(record.status)) {
      throw new ConflictError(say(language, 'この受付では、いまその操作はできません。', 'That cannot be done at this stage of the visit.'), 'counter_session_state');
    }
    const at = this.now().toISOString();
    const next = apply(record);
    const steps = step ? [...record.steps, { kind: step, at, ...(procedureId ? { procedureId } : {}) }] : record.steps;
    const saved = await this.storage.counterSessions.update({ ...next, steps, updatedAt: at }, record.revision);
    if (!saved) {
      throw new ConflictError(say(language, 'この受付は別の画面で更新されました。画面を読み込み直してください。', 'This visit was changed on another screen. Reload it.'), 'stale_counter_session');
    }
    return saved;
  }

  private async audit(record: CounterSessionRecord, actor: CounterActor, action: string, details: Record<string, unknown> = {}): Promise<void> {
    await this.storage.audit.append({
      at: this.now().toISOString(),
      actor: actor.userId,
      action,
      municipalityCode: record.municipalityCode,
      targetType: 'counter-session',
      targetId: record.sessionId,
      details: { ticketNumber: record.ticketNumber, ...details },
    });
  }
}
