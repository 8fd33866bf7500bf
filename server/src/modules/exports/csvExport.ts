/**
 * CSV export of a filtered inbox list for one procedure: fixed columns
 * (到達番号, dates, status…, 受付経路 and the clerk who served at the counter) then one column per field (see csvColumns.ts),
 * in UTF-8 with BOM or CP932 (see csvEncode.ts). The export is audited with
 * the receipt numbers it contained, and whether sensitive answers were in
 * clear (only when asked for; the route checks `inbox.exportSensitive`).
 */
import { STATUS_LABELS, japanClock, signatureSummaryJa, type FormVersion, type Language, type Submission } from '@madoguchi/shared';
import { BadRequestError } from '../../errors';
import type { InboxQuery, Storage, SubmissionMeta } from '../../storage/types';
import type { StaffActor } from '../inbox/actor';
import type { InboxLookups } from '../inbox/lookups';
import { inboxText } from '../inbox/messages';
import { columnsFor, mergeColumns, observeRepeats } from './csvColumns';
import { csvText, encodeCsv, type CsvEncoding } from './csvEncode';

/** Larger exports are refused: a desk narrows the filter, a core system uses the pull API. */
export const MAX_EXPORT_ROWS = 10_000;

export interface CsvExport {
  bytes: Buffer;
  fileName: string;
  rows: number;
  /** Characters CP932 could not hold, written as 〓. */
  replaced: string[];
}

/** 2026-11-23 14:05 in Japan time. */
export function jstText(iso: string): string {
  const { date, time } = japanClock(iso);
  return `${date} ${time}`;
}

export class CsvExportService {
  constructor(
    private readonly storage: Storage,
    private readonly lookups: InboxLookups,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async export(
    actor: StaffActor,
    q: Omit<InboxQuery, 'municipalityCode' | 'limit' | 'after'>,
    options: { encoding: CsvEncoding; header: 'labels' | 'keys'; includeSensitive?: boolean },
    language: Language,
  ): Promise<CsvExport> {
    if (!q.procedureId) throw new BadRequestError(inboxText(language, 'exportNeedsProcedure'), 'procedure_required');
    const metas: SubmissionMeta[] = [];
    let after: string | undefined;
    do {
      const page = await this.storage.inbox.list({
        ...q,
        municipalityCode: actor.municipalityCode,
        limit: 500,
        ...(after ? { after } : {}),
        ...(actor.procedureIds?.length ? { procedureIds: actor.procedureIds } : {}),
      });
      metas.push(...page.items);
      if (metas.length > MAX_EXPORT_ROWS) throw new BadRequestError(inboxText(language, 'exportTooLarge', { max: MAX_EXPORT_ROWS }), 'export_too_large');
      after = page.next;
    } while (after);
    return this.exportRows(actor, metas, q.procedureId, options, language);
  }

  /** The CSV of submissions already chosen (a filtered list above, or a clerk's selection: modules/inbox/bulkService.ts). */
  async exportRows(
    actor: StaffActor,
    metas: SubmissionMeta[],
    procedureId: string,
    options: { encoding: CsvEncoding; header: 'labels' | 'keys'; includeSensitive?: boolean },
    _language: Language,
  ): Promise<CsvExport> {
    const { encoding } = options;
    const submissions = (await Promise.all(metas.map((m) => this.storage.submissions.findById(m.id)))).filter((s): s is Submission => s !== null);
    const versions = new Map<number, FormVersion>();
    for (const s of submissions) {
      if (!versions.has(s.formVersion)) {
        const v = await this.lookups.version(s.procedureOwner, s.procedureId, s.formVersion);
        if (v) versions.set(s.formVersion, v);
      }
    }
    const repeats = observeRepeats(submissions.map((s) => s.data));
    const columns = mergeColumns([...versions.values()].sort((a, b) => b.version - a.version).map((v) => columnsFor(v.schema, repeats, { revealSensitive: options.includeSensitive === true })));
    // Staff names once each: the assignee, and the clerk who served a counter application.
    const staffNames = new Map<string, string>();
    for (const s of submissions) for (const id of [s.assigneeId, s.counter?.servedBy]) if (id && !staffNames.has(id)) staffNames.set(id, (await this.lookups.userName(id)) ?? id);

    const metaById = new Map(metas.map((m) => [m.id, m]));
    const labels = ['到達番号', '手続', '様式の版', '補正回数', '到達日時', '最終更新日時', '状況', '担当者', '電子署名', '受付経路', '対応職員', ...columns.map((c) => c.label)];
    const keys = ['receiptNumber', 'procedureId', 'formVersion', 'corrections', 'receivedAt', 'updatedAt', 'status', 'assignee', 'signature', 'channel', 'servedBy', ...columns.map((c) => c.key)];
    const body = submissions.map((s) => [
      s.receiptNumber,
      versions.get(s.formVersion)?.procedure.title ?? s.procedureId,
      String(s.formVersion),
      String((metaById.get(s.id)?.revision ?? 1) - 1),
      jstText(s.createdAt),
      jstText(s.updatedAt),
      STATUS_LABELS[s.status].ja,
      s.assigneeId ? (staffNames.get(s.assigneeId) ?? '') : '',
      signatureSummaryJa(s.evidence?.signature, jstText).join('　'),
      s.counter ? '窓口' : 'オンライン',
      s.counter ? (staffNames.get(s.counter.servedBy) ?? '') : '',
      ...columns.map((c) => c.value(s.data)),
    ]);
    // One header row (two would break imports): Japanese labels for people, or stable keys for programs.
    const { bytes, replaced } = encodeCsv(csvText([options.header === 'keys' ? keys : labels, ...body]), encoding);
    const at = this.now();
    await this.storage.audit.append({
      at: at.toISOString(),
      actor: actor.userId,
      action: 'submission.export.csv',
      municipalityCode: actor.municipalityCode,
      targetType: 'inbox',
      targetId: actor.municipalityCode,
      details: {
        procedureId,
        encoding,
        rows: submissions.length,
        receiptNumbers: submissions.map((s) => s.receiptNumber),
        header: options.header,
        replaced,
        // Which sensitive columns left the system in clear (labels only, never values).
        includesSensitive: options.includeSensitive === true,
        ...(options.includeSensitive ? { sensitiveColumns: columns.filter((c) => c.sensitive).map((c) => c.key) } : {}),
      },
    });
    const stamp = jstText(at.toISOString()).replace(/[-: ]/g, '').slice(0, 12);
    return { bytes, fileName: `${procedureId}_${stamp}${encoding === 'cp932' ? '_sjis' : ''}.csv`, rows: submissions.length, replaced };
  }
}
