/**
 * The form model: a procedure (手続) and its immutable form versions.
 * A procedure is data, never code: the same shapes travel from the preset
 * files through storage to the resident's browser.
 */
import type { JsonSchema, UiSchema } from './jsonSchema';

/** Owner of a procedure: a municipality's 6-digit 全国地方公共団体コード, or the preset library. */
export type ProcedureOwner = string;
export const PRESET_OWNER = 'preset' as const;

export const PROCEDURE_CATEGORIES = ['childcare', 'care', 'disaster', 'health', 'residence', 'tax', 'other'] as const;
export type ProcedureCategory = (typeof PROCEDURE_CATEGORIES)[number];

/** Life events residents search by (ぴったりサービスの「ライフイベント」). */
export const LIFE_EVENTS = ['pregnancy-birth', 'childrearing', 'nursery', 'care', 'disaster', 'moving', 'bereavement', 'other'] as const;
export type LifeEvent = (typeof LIFE_EVENTS)[number];

/** Whether a submission needs a signature with the My Number Card (JPKI). */
export const SIGNATURE_POLICIES = ['required', 'optional', 'none', 'municipality-choice'] as const;
export type SignaturePolicy = (typeof SIGNATURE_POLICIES)[number];

/** Who may apply, as ぴったりサービス labels it (「手続を行う人」). */
export const APPLICANT_ROLES = ['self-only', 'self-or-proxy', 'guardian', 'relative', 'any'] as const;
export type ApplicantRole = (typeof APPLICANT_ROLES)[number];

/** A simple, data-only condition on the answers, e.g. "required when selfAssessment is true". */
export interface FieldCondition {
  /** Dot path into the form data, e.g. `applicant.applicantType`. */
  field: string;
  equals?: string | number | boolean;
  notEquals?: string | number | boolean;
  in?: Array<string | number | boolean>;
}

export interface AttachmentSpec {
  /** Stable key, unique within the procedure. */
  id: string;
  label: string;
  labelEn?: string;
  description?: string;
  /** always: every submission; conditional: when `condition` holds; optional: never required. */
  required: 'always' | 'conditional' | 'optional';
  condition?: FieldCondition;
  /** Human wording of the condition, shown to residents (e.g. 「代理人が申請する場合」). */
  conditionText?: string;
  /** Allowed media types; checked against the file's content, not its name. */
  accept: string[];
  maxFiles: number;
  maxSizeMb: number;
  /** The municipality also needs the paper original (「別途原本の提出が必要」). */
  originalRequired?: boolean;
  /**
   * Also required whenever the procedure's signature policy is one of these,
   * e.g. an identity document when no signature proves who applied.
   */
  requiredWhenSignature?: SignaturePolicy[];
  /** The provision that requires this attachment, if one does: only then is it locked against local edits. */
  legalBasis?: string;
}

export interface ContactDesk {
  /** One of the municipality's desks (its settings): shown as that desk is now. */
  deskId?: string;
  /** The preset's generic wording (「〜担当課」), to be replaced by the municipality's own desk before publishing. */
  placeholder?: boolean;
  name: string;
  phone?: string;
  email?: string;
  hours?: string;
  address?: string;
}

/** A procedure's metadata; its questions live in its form versions. */
export interface Procedure {
  /** Stable id, unique per owner (e.g. `risai-certificate`). */
  id: string;
  owner: ProcedureOwner;
  title: string;
  titleEn?: string;
  description: string;
  descriptionEn?: string;
  category: ProcedureCategory;
  lifeEvents: LifeEvent[];
  keywords: string[];
  legalBasis: string[];
  applicantRole: ApplicantRole;
  /** 「対象」: who may apply, in residents' words. */
  eligibility: string;
  /** 「手続に必要な持ちもの」: what to have at hand. */
  prepare: string[];
  /** 「手続期限」 */
  deadline?: string;
  contactDesk: ContactDesk;
  /**
   * In a preset, the recommended policy; a municipality chooses its own
   * (required / optional / none) unless `signatureLegalBasis` names a
   * provision that requires the signature.
   */
  signaturePolicy: SignaturePolicy;
  /** The provision that requires a signature, if one does: then it cannot be loosened. */
  signatureLegalBasis?: string;
  attachments: AttachmentSpec[];
  /** For procedures adopted from a preset: the preset they came from. */
  basedOn?: { presetId: string; presetVersion: number };
  /** 受付期間: when residents may apply (none: always). See time/reception.ts. */
  reception?: ProcedureReception;
}

/** Weekly reception hours: on these days (0 = Sunday … 6 = Saturday), from `from` until `to` (Japan time, HH:mm, `to` excluded). */
export interface WeeklyHours {
  days: number[];
  from: string;
  to: string;
}

/**
 * 受付期間 of a procedure, every part optional, times in Japan time without offset:
 * open from `opensAt` (YYYY-MM-DDTHH:mm) until `closesAt` (excluded), only within `weekly`
 * hours when given, and not on holidays and 12/29–1/3 when `closedOnHolidays`.
 */
export interface ProcedureReception {
  opensAt?: string;
  closesAt?: string;
  weekly?: WeeklyHours[];
  closedOnHolidays?: boolean;
  /** A word for residents (「定員に達し次第締め切ります」). */
  note?: string;
}

export const FORM_VERSION_STATUSES = ['draft', 'published', 'retired'] as const;
export type FormVersionStatus = (typeof FORM_VERSION_STATUSES)[number];

/** One version of a procedure's form. Once published it never changes. */
export interface FormVersion {
  procedureId: string;
  owner: ProcedureOwner;
  version: number;
  status: FormVersionStatus;
  /** JSON Schema (draft-07) for the data, self-contained (`definitions` inlined). */
  schema: JsonSchema;
  /** RJSF uiSchema: layout, widgets, Japanese help, steps. */
  uiSchema: UiSchema;
  /** The procedure metadata as it was when this version was published. */
  procedure: Procedure;
  /** sha256 of the canonical content, used to detect preset changes. */
  contentHash: string;
  createdAt: string;
  publishedAt?: string;
  retiredAt?: string;
}

/** A preset file as it lies in `presets/procedures/<id>/definition.json`. */
export interface PresetDefinition {
  procedure: Omit<Procedure, 'owner'> & { owner?: typeof PRESET_OWNER };
  form: { schema: JsonSchema; uiSchema: UiSchema };
}
