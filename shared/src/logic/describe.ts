/**
 * Conditions in Japanese words, for the builder's outline and the diff:
 * 「この項目は「世帯人数」が3以上のとき表示」.
 */
import type { ConditionValue, FieldPath } from '../catalog/types';
import { isLeaf, type Condition, type ConditionLeaf, type FieldLogic } from './types';

/** The effects as the builder names them. */
export const LOGIC_EFFECT_LABELS: Record<FieldLogic['effect'], string> = { show: '表示', require: '必須にする', message: 'メッセージ' };

const show = (v: ConditionValue | undefined) => (v === true ? 'はい' : v === false ? 'いいえ' : String(v));

function describeLeaf(leaf: ConditionLeaf, label: (path: FieldPath) => string): string {
  const name = `「${label(leaf.field)}」`;
  const than = leaf.otherDate ? `「${label(leaf.otherDate)}」` : '今日';
  switch (leaf.op) {
    case 'equals':
      return `${name}が「${show(leaf.value)}」`;
    case 'oneOf': {
      const values = leaf.values ?? [];
      return values.length === 1 ? `${name}が「${show(values[0])}」` : `${name}が${values.map((v) => `「${show(v)}」`).join('・')}のいずれか`;
    }
    case 'gte':
      return `${name}が${show(leaf.value)}以上`;
    case 'lte':
      return `${name}が${show(leaf.value)}以下`;
    case 'between':
      return `${name}が${leaf.min}以上${leaf.max}以下`;
    case 'dateBefore':
      return `${name}が${than}より前`;
    case 'dateAfter':
      return `${name}が${than}より後`;
    case 'dateOnOrBefore':
      return `${name}が${than}以前`;
    case 'dateOnOrAfter':
      return `${name}が${than}以降`;
    case 'filled':
      return `${name}が入力済み`;
    case 'empty':
      return `${name}が未入力`;
  }
}

/** A condition in words, e.g. 「世帯人数」が3以上、かつ「品目」が「その他」. */
export function describeCondition(condition: Condition, label: (path: FieldPath) => string, nested = false): string {
  if (isLeaf(condition)) return describeLeaf(condition, label);
  const list = 'all' in condition ? condition.all : condition.any;
  const text = list.map((c) => describeCondition(c, label, true)).join('all' in condition ? '、かつ' : '、または');
  return nested && list.length > 1 ? `（${text}）` : text;
}

/** A field's rule in words: 「この項目は「世帯人数」が3以上のとき表示」. */
export function describeLogic(logic: FieldLogic, label: (path: FieldPath) => string): string {
  const when = `この項目は${describeCondition(logic.when, label)}のとき`;
  if (logic.effect === 'show') return `${when}表示`;
  if (logic.effect === 'require') return `${when}必須`;
  return `${when}${logic.note?.level === 'warning' ? '注意' : 'お知らせ'}「${logic.note?.ja ?? ''}」を表示`;
}
