/**
 * Decision notices (issue #21): closing a submission as 処理完了 or 却下 gives
 * the resident a 決定通知書 / 却下通知書. The workflow asks `prepare` for the
 * notice of its status move and commits both in one transaction, so no
 * submission is closed without its notice and a retried request finds the
 * notice already there (one per submission; both statuses are final). The
 * words come from the procedure's template (the municipality edits it; a
 * default stands for every procedure) and are fixed on the notice when it is made.
 */
import { randomUUID } from 'node:crypto';
import { formatWareki, japanClock, toWareki, type Language, type Submission } from '@madoguchi/shared';
import { ValidationError } from '../../errors';
import type { Storage, SubmissionMeta } from '../../storage/types';
import type { DecisionKind, DecisionNoticeRecord, DecisionNoticeWrite, NoticeTemplate, NoticeTexts } from '../../storage/decisionNoticeTypes';
import { auditDetailsFor } from '../disasters/grantAudit';
import type { StaffActor } from '../inbox/actor';
import { checkTemplate, defaultTemplate, fill, type PlaceholderValues } from './noticeTemplate';

export const MAX_REASON = 2000;

export const isDecision = (status: string): status is DecisionKind => status === 'completed' || status === 'rejected';

/** What staff, the resident and the pull API see of a notice (the PDF carries the words). */
export interface NoticeSummary {
  number: string;
  kind: DecisionKind;
  title: string;
  decidedOn: string;
  issuedAt: string;
}

export interface TemplateView {
  procedureId: string;
  template: NoticeTemplate;
  /** True while the procedure prints the default (nobody saved a template). */
  isDefault: boolean;
  updatedAt: string | null;
}

const japanDay = (iso: string) => japanClock(iso).date;
/** 「2026-12-06」 → 「令和8年12月6日」. */
export const warekiDay = (isoDate: string) => formatWareki(isoDate);

/** 「茨城県 水戸市」 → 「水戸市」; a ward 「北海道 札幌市 中央区」 → 「中央区」 (its head is the 区長). */
export const ownName = (registryName: string) => registryName.split(' ').pop() ?? registryName;

export function formatNoticeNumber(format: string, municipality: string, isoDate: string, serial: number): string {
  const w = toWareki(isoDate);
  const year = w ? `${w.era}${w.year === 1 ? '元' : w.year}年` : isoDate.slice(0, 4);
  return fill(format, { 自治体: municipality, 年: year, 番号: String(serial).padStart(6, '0') });
}

export const summaryOf = (n: DecisionNoticeRecord): NoticeSummary => ({ number: n.number, kind: n.kind, title: n.texts.title, decidedOn: n.decidedOn, issuedAt: n.issuedAt });

export class DecisionNoticeService {
  constructor(
    private readonly storage: Storage,
    /** The registry's name of a municipality, e.g. 「茨城県 水戸市」. */
    private readonly municipalityName: (code: string) => string,
    /** The procedure's title (for {手続名}); the id when unknown. */
    private readonly procedureTitle: (s: Pick<Submission, 'procedureOwner' | 'procedureId' | 'formVersion'>) => Promise<string>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The template a procedure prints with: the municipality's, or the default. */
  async template(municipalityCode: string, procedureId: string): Promise<TemplateView> {
    const stored = await this.storage.decisionNotices.template(municipalityCode, procedureId);
    if (stored) return { procedureId, template: { ...this.defaults(municipalityCode), ...stored.template }, isDefault: false, updatedAt: stored.updatedAt };
    return { procedureId, template: this.defaults(municipalityCode), isDefault: true, updatedAt: null };
  }

  /** Saves an edited template (422 naming each problem, nothing saved); audited. */
  async saveTemplate(actor: StaffActor, procedureId: string, input: unknown, language: Language): Promise<TemplateView> {
    const template = this.checked(input, language);
    const at = this.now().toISOString();
    await this.storage.decisionNotices.saveTemplate({ municipalityCode: actor.municipalityCode, procedureId, template, updatedAt: at, updatedBy: actor.userId });
    await this.storage.audit.append({
      at,
      actor: actor.userId,
      action: 'notice-template.save',
      municipalityCode: actor.municipalityCode,
      targetType: 'procedure',
      targetId: procedureId,
      details: auditDetailsFor(actor.lentFrom ?? null, { procedureId }),
    });
    return { procedureId, template, isDefault: false, updatedAt: at };
  }

  /** A template checked as saving would (422 otherwise). */
  checked(input: unknown, language: Language): NoticeTemplate {
    const { template, errors } = checkTemplate(input, language);
    if (!template) throw new ValidationError(language === 'en' ? 'The notice template has problems.' : '通知書のひな形に誤りがあります。', errors);
    return template;
  }

  /** A sample notice of an (unsaved) template, for the editor's preview; numbered 1, dated today, with sample names. */
  sample(municipalityCode: string, procedureId: string, procedureTitle: string, template: NoticeTemplate, kind: DecisionKind): DecisionNoticeRecord {
    const at = this.now().toISOString();
    const decidedOn = japanDay(at);
    const values = this.values(municipalityCode, template, {
      applicantName: '窓口 花子',
      procedureTitle,
      receiptNumber: 'R0000-0000-0000',
      receivedOn: decidedOn,
      decidedOn,
      reason: '（却下の理由がここに入ります）',
    });
    return {
      id: 'preview',
      municipalityCode,
      year: Number(decidedOn.slice(0, 4)),
      serial: 1,
      number: formatNoticeNumber(template.numberFormat, values.自治体!, decidedOn, 1),
      submissionId: 'preview',
      receiptNumber: values.到達番号!,
      procedureId,
      kind,
      texts: this.texts(template, kind, values),
      decidedOn,
      issuedAt: at,
      issuedBy: 'preview',
    };
  }

  /** The notice a closing status move writes with it. */
  async prepare(submission: Submission, meta: SubmissionMeta, kind: DecisionKind, reason: string, at: Date, by: string): Promise<DecisionNoticeWrite> {
    const { template } = await this.template(submission.municipalityCode, submission.procedureId);
    const decidedOn = japanDay(at.toISOString());
    const values = this.values(submission.municipalityCode, template, {
      applicantName: meta.applicantName ?? '',
      procedureTitle: await this.procedureTitle(submission),
      receiptNumber: submission.receiptNumber,
      receivedOn: japanDay(submission.createdAt),
      decidedOn,
      reason,
    });
    return {
      draft: {
        id: randomUUID(),
        municipalityCode: submission.municipalityCode,
        year: Number(decidedOn.slice(0, 4)),
        submissionId: submission.id,
        receiptNumber: submission.receiptNumber,
        procedureId: submission.procedureId,
        kind,
        texts: this.texts(template, kind, values),
        decidedOn,
        issuedAt: at.toISOString(),
        issuedBy: by,
      },
      numberFor: (serial) => formatNoticeNumber(template.numberFormat, values.自治体!, decidedOn, serial),
    };
  }

  forSubmission(submissionId: string): Promise<DecisionNoticeRecord | null> {
    return this.storage.decisionNotices.forSubmission(submissionId);
  }

  private defaults(municipalityCode: string): NoticeTemplate {
    return defaultTemplate(`${ownName(this.municipalityName(municipalityCode))}長`);
  }

  private values(
    municipalityCode: string,
    t: NoticeTemplate,
    f: { applicantName: string; procedureTitle: string; receiptNumber: string; receivedOn: string; decidedOn: string; reason: string },
  ): PlaceholderValues {
    return {
      氏名: f.applicantName,
      手続名: f.procedureTitle,
      到達番号: f.receiptNumber,
      受付日: warekiDay(f.receivedOn),
      決定日: warekiDay(f.decidedOn),
      理由: f.reason,
      自治体: ownName(this.municipalityName(municipalityCode)),
      首長: t.headTitle,
    };
  }

  private texts(t: NoticeTemplate, kind: DecisionKind, v: PlaceholderValues): NoticeTexts {
    return {
      title: kind === 'completed' ? t.completedTitle : t.rejectedTitle,
      body: fill(kind === 'completed' ? t.completedBody : t.rejectedBody, v),
      appeal: kind === 'rejected' ? fill(t.appeal, v) : '',
      head: [t.headTitle, t.headName].filter(Boolean).join('　'),
      section: t.section,
      procedureTitle: v.手続名 ?? '',
      applicantName: v.氏名 ?? '',
      reason: v.理由 ?? '',
    };
  }
}
