/**
 * Decision notices (決定通知書 / 却下通知書, issue #21) as stored: the notice a
 * resident receives when a submission is closed as 処理完了 or 却下, written in
 * the same transaction as that status move (SubmissionWriteOptions.decisionNotice),
 * at most one per submission (both statuses are final). Numbers run per
 * municipality and calendar year of the decision (Japan time). What the notice
 * says is resolved from the template at decision time and sealed, so a later
 * template edit never changes a notice already sent.
 */

export type DecisionKind = 'completed' | 'rejected';

/** The words printed on one notice, placeholders already filled in. */
export interface NoticeTexts {
  title: string;
  body: string;
  /** 教示文 (how to appeal); '' on a 決定通知書. */
  appeal: string;
  /** e.g. 「水戸市長 高橋 靖」. */
  head: string;
  /** Issuing section, e.g. 「市民課」; '' when none. */
  section: string;
  procedureTitle: string;
  applicantName: string;
  reason: string;
}

export interface DecisionNoticeRecord {
  id: string;
  municipalityCode: string;
  /** Calendar year of the decision (Japan time) and the serial within it; together unique per municipality. */
  year: number;
  serial: number;
  /** As printed, e.g. 「水戸市指令 第000001号」. */
  number: string;
  submissionId: string;
  receiptNumber: string;
  procedureId: string;
  kind: DecisionKind;
  texts: NoticeTexts;
  /** 決定日 (YYYY-MM-DD, Japan time). */
  decidedOn: string;
  issuedAt: string;
  issuedBy: string;
}

/** A notice before its number is given (the store allocates the serial in the status move's transaction). */
export interface DecisionNoticeWrite {
  draft: Omit<DecisionNoticeRecord, 'serial' | 'number'>;
  numberFor: (serial: number) => string;
}

/** What the municipality edits per procedure (templates with placeholders such as {氏名}). */
export interface NoticeTemplate {
  /** e.g. 「{自治体}指令 第{番号}号」; {年} is the 和暦 year. */
  numberFormat: string;
  /** 「水戸市長」; with headName printed as 「水戸市長　高橋 靖」. */
  headTitle: string;
  headName: string;
  section: string;
  completedTitle: string;
  completedBody: string;
  rejectedTitle: string;
  rejectedBody: string;
  appeal: string;
}

export interface StoredNoticeTemplate {
  municipalityCode: string;
  procedureId: string;
  template: NoticeTemplate;
  updatedAt: string;
  updatedBy: string;
}

export interface DecisionNoticeRepository {
  /** The submission's notice, if it was decided. */
  forSubmission(submissionId: string): Promise<DecisionNoticeRecord | null>;
  template(municipalityCode: string, procedureId: string): Promise<StoredNoticeTemplate | null>;
  saveTemplate(t: StoredNoticeTemplate): Promise<void>;
}
