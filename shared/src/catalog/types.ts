/**
 * The catalog's vocabulary: a form document (what a version holds), the field
 * kinds the builder offers, and the edit operations a municipality's local
 * edits — and every builder action — are made of.
 *
 * Local edits to a preset are stored as an ordered list of these operations
 * over the preset version they were made on (a layer, not a copy), so they can
 * be re-applied to a newer preset version (see rebaseLayer.ts).
 */
import type { FieldLogic } from '../logic/types';
import type { CardPrefillMarker } from '../identity/cardIdentity';
import type { CapacityRule } from '../form/capacity';
import type { AttachmentSpec, ContactDesk, Procedure, ProcedureReception, SignaturePolicy } from '../form/types';
import type { JsonSchema, UiSchema } from '../form/jsonSchema';

/** What a form version holds: metadata, JSON Schema and uiSchema. */
export interface FormDocument {
  procedure: Procedure;
  schema: JsonSchema;
  uiSchema: UiSchema;
}

/**
 * A field's address: property keys from the root joined with dots
 * (`damage.statement`). Inside a repeating group the path goes straight on to
 * the item's keys (`householdMembers.relationship`). Keys are stable across
 * preset versions, which is what lets a layer be re-applied.
 */
export type FieldPath = string;

/** The field types the builder offers: the same Japanese field types residents see. */
export const FIELD_KINDS = [
  'text',
  'textarea',
  'number',
  'date',
  'yesNo',
  'choice',
  'multiChoice',
  'personName',
  'address',
  'phone',
  'email',
  'myNumber',
  'bankAccount',
  'consent',
  'section',
  'group',
  'calc',
] as const;
export type FieldKind = (typeof FIELD_KINDS)[number];

/** Values a condition may compare with. */
export type ConditionValue = string | number | boolean;

/**
 * "Show when…": a field is shown (and may be required) only when a sibling
 * field has one of some values. Compiled to a JSON Schema `if`/`then` branch at
 * the level of the object the field belongs to.
 */
export interface ShowWhen {
  /** Key of a sibling field in the same object (section, group item or the root). */
  field: string;
  equals?: ConditionValue;
  in?: ConditionValue[];
}

/** Validation rules the builder exposes; anything else stays as the schema has it. */
export interface ValidationRules {
  minLength?: number | null;
  maxLength?: number | null;
  minimum?: number | null;
  maximum?: number | null;
  /** Fewest and most entries of a repeating group or multi-choice. */
  minItems?: number | null;
  maxItems?: number | null;
  /** Kind of characters a text accepts (a format or a pattern); `any` removes it. */
  charset?: 'any' | 'digits' | 'katakana' | 'hiragana' | 'alphanumeric' | null;
  /** For dates: any date, not after today, or not before today. */
  dateRule?: 'any' | 'past' | 'future' | null;
}

/** A new field as the builder (or a local edit) describes it. */
export interface NewField {
  /** Property key: ASCII letters, digits and `_`, unique in its object. */
  key: string;
  kind: FieldKind;
  label: string;
  help?: string;
  required?: boolean;
  /** For choice and multi-choice. */
  options?: string[];
  rules?: ValidationRules;
  showWhen?: ShowWhen;
  /** For a repeating group: the heading of one entry (e.g. 「粗大ごみ」). */
  itemLabel?: string;
  /** For a calculated value: its expression (calc/, `x-calc`). */
  expression?: string;
}

/** A lookup table as the builder edits it (`x-lookup-tables`, e.g. 品目 → 手数料). */
export interface LookupTableSpec {
  title: string;
  keyTitle?: string;
  valueTitle?: string;
  rows: Array<{ key: string; value: number }>;
}

export const WIDGETS = ['default', 'radio', 'select', 'checkboxes', 'textarea'] as const;
export type Widget = (typeof WIDGETS)[number];

/** Procedure metadata a builder or a local edit may set as plain values. */
export const PROCEDURE_TEXT_KEYS = ['title', 'description', 'eligibility', 'deadline', 'prepare', 'keywords', 'legalBasis', 'category', 'lifeEvents', 'applicantRole'] as const;
export type ProcedureTextKey = (typeof PROCEDURE_TEXT_KEYS)[number];

interface OpBase {
  /** Stable id of the edit (decisions on re-applied edits refer to it). */
  id: string;
}

/** One edit. Every builder action and every stored local edit is one of these. */
export type EditOp = OpBase &
  (
    | { type: 'setLabel'; path: FieldPath; label: string }
    | { type: 'setHelp'; path: FieldPath; help: string }
    | { type: 'setDescription'; path: FieldPath; text: string }
    | { type: 'setPlaceholder'; path: FieldPath; text: string }
    | { type: 'setRequired'; path: FieldPath; required: boolean }
    | { type: 'setOptions'; path: FieldPath; options: string[] }
    | { type: 'setRules'; path: FieldPath; rules: ValidationRules }
    | { type: 'setWidget'; path: FieldPath; widget: Widget }
    /** Marks a field sensitive (`x-sensitive`: masked in lists and exports) or clears the mark; a 個人番号 stays sensitive. */
    | { type: 'setSensitive'; path: FieldPath; sensitive: boolean }
    | { type: 'setShowWhen'; path: FieldPath; showWhen: ShowWhen | null }
    /** A field's rules on earlier answers: show it, require it, show a note (logic/; one of each, or a single rule), or none (null). */
    | { type: 'setLogic'; path: FieldPath; logic: FieldLogic | FieldLogic[] | null }
    | { type: 'setCalc'; path: FieldPath; expression: string }
    /** Places per option of a single choice (`x-capacity`, form/capacity.ts), or none (null). */
    | { type: 'setCapacity'; path: FieldPath; capacity: CapacityRule | null }
    /** Adds, replaces or (null) removes a lookup table the calculated values use. */
    | { type: 'setLookupTable'; name: string; table: LookupTableSpec | null }
    /** Which fields of a section the My Number Card's 基本4情報 fill (`ui:cardPrefill`), or none (null). */
    | { type: 'setCardPrefill'; path: FieldPath; prefill: CardPrefillMarker | null }
    /** Adds a field to an object (`parent` '' is the form itself); `after` a sibling key, null for first, absent for last. */
    | { type: 'addField'; parent: FieldPath; after?: string | null; field: NewField; step?: number }
    | { type: 'removeField'; path: FieldPath }
    /** Places a field right after a sibling (`after` null: first; with `step`, first of that step). */
    | { type: 'moveField'; path: FieldPath; after: string | null; step?: number }
    | { type: 'addStep'; title: string; at?: number; /** The form's first step: it takes every field. */ first?: boolean }
    | { type: 'renameStep'; index: number; title: string }
    | { type: 'removeStep'; index: number }
    | { type: 'moveStep'; index: number; to: number }
    /** Puts a top-level field into a step. */
    | { type: 'moveToStep'; field: string; step: number }
    | { type: 'setAttachment'; attachment: AttachmentSpec }
    | { type: 'removeAttachment'; attachmentId: string }
    | { type: 'setContactDesk'; contactDesk: ContactDesk }
    | { type: 'setSignaturePolicy'; policy: SignaturePolicy }
    | { type: 'setProcedureText'; key: ProcedureTextKey; value: string | string[] }
    /** Sets the 受付期間 (time/reception.ts), or removes it (null: always open). */
    | { type: 'setReception'; reception: ProcedureReception | null }
  );

export type EditOpType = EditOp['type'];

/** A municipality's local edits to one preset (or a platform admin's pending edits to a preset template). */
export interface EditLayer {
  /** Municipality code, or `preset` for the platform admins' working copy of a preset. */
  owner: string;
  /** The preset's id. */
  procedureId: string;
  /** The preset version the edits were made on. */
  baseVersion: number;
  ops: EditOp[];
  /** Increases on every save: a save names the revision it was made on (lost-update guard). */
  revision: number;
  /** The municipality does not offer this procedure online (neither its version nor the national one). */
  withdrawn: boolean;
  createdAt: string;
  updatedAt: string;
  /** User id of the last editor. */
  updatedBy: string;
}

/** A published preset version with the platform admin's note on what changed. */
export interface PresetRelease {
  presetId: string;
  version: number;
  /** What changed, for municipalities (「○○の項目を追加しました」). */
  note: string;
  /** `file`: from presets/procedures at start-up; `builder`: published by a platform admin. */
  source: 'file' | 'builder';
  /** For `file` releases: the hash of the preset file's content, to know whether the file changed since. */
  fileHash?: string;
  publishedAt: string;
  publishedBy: string;
}
