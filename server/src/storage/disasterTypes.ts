/**
 * 被災者支援 as stored (issue #20): the disasters a municipality declares and
 * one triage row per application made for a disaster. The triage row holds
 * what a desk sorts and groups a surge by — the 町字 (never the 番地), the
 * postal code and what the resident reported — in clear, so the queue of
 * thousands is one indexed query; the application itself stays sealed.
 */
import type { DamageLevel, Disaster } from '@madoguchi/shared';

/** The result of the damage survey (被害認定調査) of one application. */
export interface DamageSurvey {
  level: DamageLevel;
  /** 調査日 (YYYY-MM-DD). */
  surveyedOn: string;
  /** 調査員: the name(s) as the team wrote them. */
  surveyor: string;
  /** 'survey': on site; 'self': 自己判定方式 (photos, less than 準半壊); 'photo': 写真判定. */
  method: 'survey' | 'self' | 'photo';
  teamId: string | null;
  recordedBy: string;
  recordedAt: string;
  /** Approved results are what a certificate states; a new result clears the approval. */
  approvedBy: string | null;
  approvedAt: string | null;
}

/** One application made for a disaster, as the triage queue sees it. */
export interface DisasterCaseRecord {
  submissionId: string;
  disasterId: string;
  municipalityCode: string;
  procedureId: string;
  receiptNumber: string;
  /** 町字 of the damaged home (e.g. 「河井町」), '' when the address gave none. */
  area: string;
  /** 7 digits, '' when none. */
  postalCode: string;
  /** 住家 (a home someone lives in) or not; null when the form does not say. */
  residential: boolean | null;
  /** What the resident reported, e.g. 「床上浸水」 or 「地震による全壊（写真判定）」; '' when nothing. */
  reportedDamage: string;
  /** Photos attached to the application. */
  photoCount: number;
  /** 自己判定方式 asked for (with photos: certified without an on-site survey). */
  selfAssessment: boolean;
  survey: DamageSurvey | null;
  createdAt: string;
}

export interface DisasterRepository {
  /** Stores a newly declared disaster. */
  create(disaster: Disaster): Promise<void>;
  get(id: string): Promise<Disaster | null>;
  /** Replaces a disaster (its id and municipality stay). */
  update(disaster: Disaster): Promise<void>;
  /** A municipality's disasters, the latest declared first. */
  list(municipalityCode: string): Promise<Disaster[]>;
  /** The triage row of an application (null: it was not made for a disaster). */
  getCase(submissionId: string): Promise<DisasterCaseRecord | null>;
  /** A disaster's applications, by area then arrival. */
  listCases(disasterId: string): Promise<DisasterCaseRecord[]>;
  /**
   * Records survey results, all or none: false (nothing written) when any
   * submission has no triage row of `disasterId`.
   */
  setSurveys(disasterId: string, results: { submissionId: string; survey: DamageSurvey | null }[]): Promise<boolean>;
}
