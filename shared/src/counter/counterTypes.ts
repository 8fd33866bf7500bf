/**
 * 書かない窓口 (issue #19): a clerk fills in applications with a visitor at
 * the counter, the visitor confirms on a paired tablet, and every step is
 * timed. These are the shapes the server stores and the console reads; the
 * steps carry no personal data, so the desk's figures are computed from them
 * alone.
 */

/** Where an answer came from: typed by the clerk, read from the My Number Card, or given by the resident online beforehand (事前入力). */
export const ANSWER_SOURCES = ['staff', 'card', 'prefill'] as const;
export type AnswerSource = (typeof ANSWER_SOURCES)[number];

/** Answer source per JSON pointer into one application's answers (pointers absent: typed by staff). */
export type AnswerSources = Record<string, AnswerSource>;

/**
 * The timed steps of a visit, in the order they normally happen. `opened` is
 * the arrival (受付番号 issued); `serviceStarted` when a clerk calls the
 * visitor; a procedure is `procedureStarted` when its form is first opened and
 * `procedureFinished` when the clerk marks it done; `confirmationRequested`
 * when the answers go to the tablet (or to paper); `confirmed` when the visitor
 * confirms; `submitted` when the applications are stored; `ended` when the
 * visit is over (with or without applications).
 */
export const COUNTER_STEP_KINDS = ['opened', 'serviceStarted', 'cardRead', 'procedureStarted', 'procedureFinished', 'confirmationRequested', 'confirmed', 'submitted', 'ended'] as const;
export type CounterStepKind = (typeof COUNTER_STEP_KINDS)[number];

export interface CounterStep {
  kind: CounterStepKind;
  /** ISO time, taken by the server. */
  at: string;
  /** For procedureStarted / procedureFinished. */
  procedureId?: string;
}

export const COUNTER_SESSION_STATUSES = ['waiting', 'serving', 'confirming', 'confirmed', 'submitted', 'ended'] as const;
export type CounterSessionStatus = (typeof COUNTER_SESSION_STATUSES)[number];

/** How the visitor confirmed the answers. */
export type ConfirmationMethod = 'tablet' | 'paper';

/** How the 基本4情報 got into the answers. */
export type IdentitySource = 'card' | 'typed';

/**
 * A visit as the desk's figures see it: no answers, no names. Kept for every
 * visit, also those that ended without an application.
 */
export interface CounterTimeline {
  sessionId: string;
  municipalityCode: string;
  /** 受付番号 of the day, e.g. 「A-007」. */
  ticketNumber: string;
  /** The counter desk that served (e.g. 「1番窓口」); empty while waiting. */
  desk: string;
  /** The staff member who served (user id); empty while waiting. */
  servedBy: string;
  status: CounterSessionStatus;
  /** Procedures taken up in this visit, in order. */
  procedureIds: string[];
  /** Whether the visitor brought answers given online beforehand (事前入力). */
  prefilled: boolean;
  identitySource: IdentitySource | null;
  steps: CounterStep[];
  /** The applications stored from this visit. */
  submissionIds: string[];
}

/**
 * What a counter application carries besides its answers (Submission.counter):
 * who served, where each answer came from, how the visitor confirmed. The
 * handwritten signature is a PNG drawn on the tablet.
 */
export interface CounterOrigin {
  sessionId: string;
  ticketNumber: string;
  desk: string;
  /** Staff user id of the clerk who served. */
  servedBy: string;
  sources: AnswerSources;
  identitySource: IdentitySource;
  prefilled: boolean;
  confirmation: {
    method: ConfirmationMethod;
    at: string;
    /** data:image/png;base64,… drawn by the visitor on the tablet, when the procedure asks for a signature. */
    signatureImage?: string;
  };
}
