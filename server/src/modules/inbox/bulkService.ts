/**
 * Bulk work in the inbox (issue #21): many submissions assigned, moved, exported
 * or printed at once. The selection is either the ids the clerk ticked or a
 * filter the server runs itself again ("all N that match": a client's list is
 * never trusted), both capped. Each assignment and status move goes through
 * the same service as a single one (transitions table, optimistic concurrency,
 * audit per submission); the answer lists what changed, what already was so
 * (a retry is harmless) and what was refused and why.
 */
import { PDFDocument } from 'pdf-lib';
import { SUBMISSION_STATUSES, type Language } from '@madoguchi/shared';
import { AppError, BadRequestError, NotFoundError } from '../../errors';
import { authorize, type Action } from '../../auth/policy';
import type { Storage, SubmissionMeta, User } from '../../storage/types';
import type { CsvEncoding } from '../exports/csvEncode';
import type { CsvExport, CsvExportService } from '../exports/csvExport';
import { auditSubmission, type StaffActor } from './actor';
import { applicationSheetFor, type SheetDeps } from './applicationSheet';
import { bulkText } from './bulkMessages';
import type { InboxService } from './inboxService';
import { parseListQuery } from './listQuery';
import { inboxText } from './messages';
import type { WorkflowService } from './workflowService';
import { rejectionReason } from './workflowService';

/** Most submissions one bulk assignment, status move or CSV acts on. */
export const MAX_BULK = 500;
/** Most applications printed into one PDF: each sheet is rendered in memory before it is merged. */
export const MAX_BULK_PDF = 50;

export type BulkUser = Pick<User, 'role' | 'municipalityCode' | 'disabled' | 'procedureIds'>;

export interface BulkItem {
  id: string;
  receiptNumber: string;
}
export interface BulkRefusal {
  id: string;
  /** null when the id names nothing this municipality holds, or nothing the caller may see (nothing is said about it). */
  receiptNumber: string | null;
  code: string;
  message: string;
}
export interface BulkResult {
  changed: BulkItem[];
  /** Already as asked (a retried request): nothing written. */
  unchanged: BulkItem[];
  refused: BulkRefusal[];
}

interface Resolved {
  targets: SubmissionMeta[];
  refused: BulkRefusal[];
}

const item = (m: SubmissionMeta): BulkItem => ({ id: m.id, receiptNumber: m.receiptNumber });

export class BulkService {
  constructor(
    private readonly storage: Storage,
    private readonly inbox: InboxService,
    private readonly workflow: WorkflowService,
    private readonly csv: CsvExportService,
    private readonly sheets: SheetDeps,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The submissions a selection names that the user may act on (ids in the order given, a filter in the list's order); refused ids with the reason. */
  async resolve(actor: StaffActor, user: BulkUser, action: Action, selection: unknown, max: number, language: Language, tooMany: 'tooMany' | 'pdfTooMany' = 'tooMany'): Promise<Resolved> {
    const s = (selection ?? {}) as { ids?: unknown; filter?: unknown };
    const hasIds = s.ids !== undefined;
    const hasFilter = s.filter !== undefined;
    if (hasIds === hasFilter) throw new BadRequestError(bulkText(language, 'selectionInvalid'), 'bad_selection');
    const tooLarge = () => new BadRequestError(bulkText(language, tooMany, { max }), 'bulk_too_large');
    if (hasIds) {
      if (!Array.isArray(s.ids) || !s.ids.length || !s.ids.every((id) => typeof id === 'string' && id.length > 0 && id.length <= 100)) {
        throw new BadRequestError(bulkText(language, 'selectionInvalid'), 'bad_selection');
      }
      const ids = [...new Set(s.ids as string[])];
      if (ids.length > max) throw tooLarge();
      const targets: SubmissionMeta[] = [];
      const refused: BulkRefusal[] = [];
      for (const id of ids) {
        const meta = await this.storage.inbox.getMeta(id);
        if (!meta || meta.municipalityCode !== actor.municipalityCode) refused.push({ id, receiptNumber: null, code: 'submission_not_found', message: bulkText(language, 'notFound') });
        else if (!authorize(user, action, { municipalityCode: meta.municipalityCode, procedureId: meta.procedureId }))
          refused.push({ id, receiptNumber: null, code: 'forbidden', message: bulkText(language, 'forbidden') }); // as the single route: 403, nothing shown
        else targets.push(meta);
      }
      return { targets, refused };
    }
    if (!s.filter || typeof s.filter !== 'object' || Array.isArray(s.filter)) throw new BadRequestError(bulkText(language, 'selectionInvalid'), 'bad_selection');
    const targets = await this.matching(actor, s.filter as Record<string, unknown>, max, language);
    if (targets.length > max) throw tooLarge();
    return { targets, refused: [] };
  }

  /** What the list's filter matches, as the list would show it (scoped alike), reading at most `max` + 1 rows. */
  private async matching(actor: StaffActor, raw: Record<string, unknown>, max: number, language: Language): Promise<SubmissionMeta[]> {
    // The list's own parser and query: "all that match" is what the list would show, never a list the client sends.
    const { limit: _limit, after: _after, assigneeIsMe: _me, ...filter } = parseListQuery(raw, actor.userId, language);
    const found: SubmissionMeta[] = [];
    let after: string | undefined;
    do {
      const page = await this.storage.inbox.list({
        ...filter,
        municipalityCode: actor.municipalityCode,
        limit: Math.min(500, max + 1 - found.length),
        ...(after ? { after } : {}),
        ...(actor.procedureIds?.length ? { procedureIds: actor.procedureIds } : {}),
      });
      found.push(...page.items);
      after = page.next;
    } while (after && found.length <= max);
    return found;
  }

  /** "All N that match": N counted up to the cap; `more` when the filter matches more than bulk work may take. */
  async count(actor: StaffActor, raw: Record<string, unknown>, language: Language): Promise<{ count: number; more: boolean; max: number }> {
    const found = await this.matching(actor, raw, MAX_BULK, language);
    return { count: Math.min(found.length, MAX_BULK), more: found.length > MAX_BULK, max: MAX_BULK };
  }

  async assign(actor: StaffActor, user: BulkUser, selection: unknown, assigneeId: unknown, language: Language): Promise<BulkResult> {
    // The assignee is checked once, before anything changes: a wrong one refuses the whole request.
    if (assigneeId !== null) {
      const assignee = typeof assigneeId === 'string' ? await this.storage.users.findById(assigneeId) : null;
      if (!assignee || assignee.disabled || assignee.municipalityCode !== actor.municipalityCode) throw new BadRequestError(inboxText(language, 'assigneeInvalid'), 'bad_assignee');
    }
    const { targets, refused } = await this.resolve(actor, user, 'inbox.update', selection, MAX_BULK, language);
    const result: BulkResult = { changed: [], unchanged: [], refused };
    for (const meta of targets) {
      if ((meta.assigneeId ?? null) === assigneeId) {
        result.unchanged.push(item(meta));
        continue;
      }
      await this.each(result, meta, () => this.workflow.assign(actor, meta.id, assigneeId, language));
    }
    return result;
  }

  async changeStatus(actor: StaffActor, user: BulkUser, selection: unknown, cmd: { to: unknown; publicNote?: unknown; expected?: unknown; reason?: unknown }, language: Language): Promise<BulkResult> {
    const to = cmd.to;
    if (typeof to !== 'string' || !(SUBMISSION_STATUSES as readonly string[]).includes(to)) throw new BadRequestError(inboxText(language, 'badStatus'), 'bad_status');
    const expected = cmd.expected && typeof cmd.expected === 'object' && !Array.isArray(cmd.expected) ? (cmd.expected as Record<string, unknown>) : {};
    const publicNote = typeof cmd.publicNote === 'string' ? cmd.publicNote : undefined;
    // One reason for every 却下 of the batch, checked once: a missing reason refuses the whole request, not each submission.
    const reason = rejectionReason(to, cmd.reason, language);
    const { targets, refused } = await this.resolve(actor, user, 'inbox.update', selection, MAX_BULK, language);
    const result: BulkResult = { changed: [], unchanged: [], refused };
    for (const meta of targets) {
      // A retry finds the move done: reported unchanged, not refused.
      if (meta.status === to) {
        result.unchanged.push(item(meta));
        continue;
      }
      const seen = expected[meta.id];
      await this.each(result, meta, () =>
        this.workflow.changeStatus(
          actor,
          meta.id,
          { to, ...(typeof seen === 'string' ? { expected: seen } : {}), ...(publicNote !== undefined ? { publicNote } : {}), ...(reason ? { reason } : {}) },
          language,
        ),
      );
    }
    return result;
  }

  /** One submission's change: done, or refused with the reason the single move would have given (409, 404, 403). */
  private async each(result: BulkResult, meta: SubmissionMeta, change: () => Promise<unknown>): Promise<void> {
    try {
      await change();
      result.changed.push(item(meta));
    } catch (error) {
      // A 400 is about the command itself (a bad status or note): the same for every submission, so the whole request is refused.
      if (!(error instanceof AppError) || error.status === 400 || error.status >= 500) throw error;
      result.refused.push({ id: meta.id, receiptNumber: meta.receiptNumber, code: error.code, message: error.message });
    }
  }

  /** Exports refuse the whole request when any chosen id is missing or not the user's to export. */
  private async exportable(actor: StaffActor, user: BulkUser, selection: unknown, max: number, language: Language, tooMany: 'tooMany' | 'pdfTooMany'): Promise<SubmissionMeta[]> {
    const { targets, refused } = await this.resolve(actor, user, 'inbox.export', selection, max, language, tooMany);
    if (refused.length) throw new NotFoundError(bulkText(language, 'exportNotFound', { count: refused.length }), 'submission_not_found');
    if (!targets.length) throw new NotFoundError(bulkText(language, 'nothingSelected'), 'nothing_selected');
    return targets;
  }

  async exportCsv(actor: StaffActor, user: BulkUser, selection: unknown, options: { encoding: CsvEncoding; header: 'labels' | 'keys' }, language: Language): Promise<CsvExport> {
    const targets = await this.exportable(actor, user, selection, MAX_BULK, language, 'tooMany');
    const procedures = new Set(targets.map((m) => m.procedureId));
    if (procedures.size > 1) throw new BadRequestError(bulkText(language, 'exportOneProcedure'), 'procedure_required');
    return this.csv.exportRows(actor, targets, targets[0]!.procedureId, options, language);
  }

  /** The chosen applications' PDFs merged into one file, in the list's order; each print audited. Sensitive answers stay masked. */
  async printPdf(actor: StaffActor, user: BulkUser, selection: unknown, language: Language): Promise<{ pdf: Buffer; count: number }> {
    const targets = await this.exportable(actor, user, selection, MAX_BULK_PDF, language, 'pdfTooMany');
    const merged = await PDFDocument.create();
    merged.setTitle(`申請書 ${targets.length}件`);
    merged.setProducer('Madoguchi');
    for (const meta of targets) {
      // One sheet at a time: rendered, its pages copied, then let go.
      const loaded = await this.inbox.load(meta.id, language);
      const sheet = await PDFDocument.load(await applicationSheetFor(this.sheets, loaded, false));
      for (const page of await merged.copyPages(sheet, sheet.getPageIndices())) merged.addPage(page);
    }
    const at = this.now();
    for (const meta of targets) await auditSubmission(this.storage, actor, 'submission.export.pdf', meta, at, { includesSensitive: false, bulk: targets.length });
    return { pdf: Buffer.from(await merged.save()), count: targets.length };
  }
}
