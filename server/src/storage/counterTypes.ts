/**
 * Counter visits as stored (書かない窓口, issue #19). The timeline (steps,
 * desk, procedures) is plain: the desk's figures are computed from it. The
 * work in progress — answers, their sources, the card's 基本4情報, the drawn
 * signature — is sealed with the data cipher and erased when the visit ends:
 * what was submitted lives on in the applications.
 */
import { todayInJapan, type AnswerSources, type CardIdentity, type ConfirmationMethod, type CounterTimeline, type SharedAnswers } from '@madoguchi/shared';

/** The answers a clerk fills in during a visit (sealed at rest). */
export interface CounterWork {
  /** The answers the procedures share, given once (as in the one-stop bundle). */
  shared: SharedAnswers;
  /** Procedure id → its form's answers. */
  answers: Record<string, Record<string, unknown>>;
  /** Procedure id → JSON pointer → where the answer came from; the key `shared` holds the shared part's. */
  sources: Record<string, AnswerSources>;
  /** The 基本4情報 as read from the card (absent: typed by the clerk). */
  identity?: CardIdentity;
  /** How the visitor confirmed, once they have. */
  confirmation?: { method: ConfirmationMethod; at: string; signatureImage?: string };
}

export interface CounterSessionRecord extends CounterTimeline {
  /** The Japan date (YYYY-MM-DD) the ticket number counts in. */
  day: string;
  /** The life-event guide the procedures were picked from, if any. */
  guideId: string | null;
  /** Raised on every write; a write naming an older one is refused (two screens, one visit). */
  revision: number;
  work: CounterWork;
  /** The tablet's pairing code (sha256) while one is offered, and until when. */
  pairingCodeHash: string | null;
  pairingExpiresAt: string | null;
  /** The paired tablet's token (sha256). */
  tabletTokenHash: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A visit as it starts when the visitor arrives at `at`: waiting, nothing filled in, numbered by the store. */
export function newCounterVisit(sessionId: string, municipalityCode: string, at: Date): CounterSessionRecord {
  return {
    sessionId,
    municipalityCode,
    ticketNumber: '',
    desk: '',
    servedBy: '',
    status: 'waiting',
    procedureIds: [],
    prefilled: false,
    identitySource: null,
    steps: [{ kind: 'opened', at: at.toISOString() }],
    submissionIds: [],
    day: todayInJapan(at),
    guideId: null,
    revision: 0,
    work: { shared: {}, answers: {}, sources: {} },
    pairingCodeHash: null,
    pairingExpiresAt: null,
    tabletTokenHash: null,
    createdAt: at.toISOString(),
    updatedAt: at.toISOString(),
  };
}

export interface CounterSessionRepository {
  /** Stores a new visit with the next ticket number of its municipality and day (the record's `ticketNumber` is ignored). */
  create(record: CounterSessionRecord): Promise<CounterSessionRecord>;
  get(id: string): Promise<CounterSessionRecord | null>;
  /** Replaces a visit if its revision is still `expectedRevision` (the stored one gets expectedRevision + 1); null when it changed meanwhile. */
  update(record: CounterSessionRecord, expectedRevision: number): Promise<CounterSessionRecord | null>;
  /** The visit offering this pairing code now, in this municipality. */
  findByPairingCode(municipalityCode: string, codeHash: string, now: Date): Promise<CounterSessionRecord | null>;
  findByTabletToken(tokenHash: string): Promise<CounterSessionRecord | null>;
  /** Visits opened before `before` that were never ended (any municipality), oldest first, at most `limit`. */
  unendedBefore(before: Date, limit: number): Promise<CounterSessionRecord[]>;
  /** Timelines of the visits opened in [from, to), oldest first (no answers). */
  timelines(municipalityCode: string, from: Date, to: Date): Promise<CounterTimeline[]>;
}
