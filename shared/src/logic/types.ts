/**
 * The builder's one logic representation: a condition tree over the answers
 * of a form, and what it does to one field (show it, require it, or show a
 * note). Paths are field paths from the form root (`household.count`); a path
 * through a repeating group that also holds the field means "this row's
 * answer" (`items.kind` for `items.kindOther`).
 */
import type { ConditionValue, FieldPath } from '../catalog/types';

/** How a leaf compares one answer. */
export const LEAF_OPS = ['equals', 'oneOf', 'gte', 'lte', 'between', 'dateBefore', 'dateAfter', 'dateOnOrBefore', 'dateOnOrAfter', 'filled', 'empty'] as const;
export type LeafOp = (typeof LEAF_OPS)[number];
export const DATE_OPS = ['dateBefore', 'dateAfter', 'dateOnOrBefore', 'dateOnOrAfter'] as const satisfies readonly LeafOp[];

/** One comparison of one answer. */
export interface ConditionLeaf {
  field: FieldPath;
  op: LeafOp;
  /** equals; gte / lte (a number). */
  value?: ConditionValue;
  /** oneOf (for a multi-choice: it contains one of them). */
  values?: ConditionValue[];
  /** between (both included). */
  min?: number;
  max?: number;
  /** Date comparisons: another date answer; absent means today (Japan time). */
  otherDate?: FieldPath;
}

export type Condition = ConditionLeaf | { all: Condition[] } | { any: Condition[] };

/** What a condition does to its field. */
export const LOGIC_EFFECTS = ['show', 'require', 'message'] as const;
export type LogicEffect = (typeof LOGIC_EFFECTS)[number];

/** A note shown to the resident under a field; it never blocks submitting. */
export interface LogicNote {
  level: 'info' | 'warning';
  ja: string;
  en?: string;
}

/** One rule of a field: when `when` holds, the effect applies. */
export interface FieldLogic {
  effect: LogicEffect;
  when: Condition;
  /** For `message`. */
  note?: LogicNote;
}

export const isLeaf = (c: Condition): c is ConditionLeaf => typeof (c as ConditionLeaf).field === 'string';

/** Every answer a condition reads (leaf fields and compared dates). */
export function conditionFields(c: Condition): FieldPath[] {
  if (isLeaf(c)) return c.otherDate ? [c.field, c.otherDate] : [c.field];
  return ('all' in c ? c.all : c.any).flatMap(conditionFields);
}
