/** Edits in plain Japanese, for the list of local edits, the history and the conflict list. */
import { LOGIC_EFFECT_LABELS } from '../logic/describe';
import type { EditOp, FormDocument, ProcedureTextKey } from './types';
import { FIELD_KIND_LABELS } from './fieldKinds';
import { fieldLabel } from './describeForm';
import { stepsOf } from './formLayout';

/** Japanese names of the procedure texts an edit may set. */
export const PROCEDURE_TEXT_LABELS: Record<ProcedureTextKey, string> = {
  title: '手続の名称',
  description: '手続の概要',
  eligibility: '対象となる方',
  deadline: '手続の期限',
  prepare: '用意するもの',
  keywords: '検索用のことば',
  legalBasis: '根拠法令',
  category: '分類',
  lifeEvents: 'ライフイベント',
  applicantRole: '手続を行う人',
};

/** Japanese names of the signature policies. */
export const SIGNATURE_POLICY_LABELS: Record<string, string> = {
  required: '電子署名が必要',
  optional: '電子署名は任意',
  none: '電子署名なし',
  'municipality-choice': '市区町村が選ぶ',
};

const short = (text: string, max = 30) => (text.length > max ? `${text.slice(0, max)}…` : text);

/** One edit in Japanese, using the labels of `doc` (the document the edit applies to). */
export function describeOp(op: EditOp, doc: FormDocument): string {
  const label = (path: string) => `「${short(fieldLabel(doc, path))}」`;
  const step = (i: number) => `「${stepsOf(doc)?.[i]?.title ?? `ステップ${i + 1}`}」`;
  switch (op.type) {
    case 'setLabel':
      return `${label(op.path)}の項目名を「${short(op.label)}」に変更`;
    case 'setHelp':
      return op.help.trim() ? `${label(op.path)}の説明を「${short(op.help)}」に変更` : `${label(op.path)}の説明を削除`;
    case 'setDescription':
      return `${label(op.path)}の補足説明を変更`;
    case 'setPlaceholder':
      return `${label(op.path)}の入力例を変更`;
    case 'setRequired':
      return `${label(op.path)}を${op.required ? '必須' : '任意'}に変更`;
    case 'setOptions':
      return `${label(op.path)}の選択肢を「${short(op.options.join('、'))}」に変更`;
    case 'setRules':
      return `${label(op.path)}の入力規則を変更`;
    case 'setWidget':
      return `${label(op.path)}の表示方法を変更`;
    case 'setSensitive':
      return op.sensitive ? `${label(op.path)}を機微情報に設定` : `${label(op.path)}の機微情報の設定を解除`;
    case 'setCardPrefill':
      return op.prefill ? `${label(op.path)}にマイナンバーカードの基本4情報を入力` : `${label(op.path)}のマイナンバーカードからの入力を解除`;
    case 'setShowWhen':
      return op.showWhen ? `${label(op.path)}に表示条件を設定` : `${label(op.path)}を常に表示`;
    case 'setLogic': {
      const rules = op.logic === null ? [] : Array.isArray(op.logic) ? op.logic : [op.logic];
      return rules.length > 0 ? `${label(op.path)}に条件（${rules.map((r) => LOGIC_EFFECT_LABELS[r.effect]).join('・')}）を設定` : `${label(op.path)}の条件を解除`;
    }
    case 'setCalc':
      return `${label(op.path)}の計算式を「${short(op.expression)}」に変更`;
    case 'setCapacity':
      return op.capacity
        ? `${label(op.path)}の定員を設定（${short(
            Object.entries(op.capacity.limits)
              .map(([option, n]) => `${option} ${n}`)
              .join('、'),
          )}${op.capacity.countOf ? `、${label(op.capacity.countOf)}の人数で数える` : ''}）`
        : `${label(op.path)}の定員を解除`;
    case 'setLookupTable':
      return op.table ? `表「${short(op.table.title || op.name)}」を設定（${op.table.rows.length}行）` : `表「${short(op.name)}」を削除`;
    case 'addField':
      return `${op.parent ? `${label(op.parent)}に` : ''}項目「${short(op.field.label)}」（${FIELD_KIND_LABELS[op.field.kind]}）を追加`;
    case 'removeField':
      return `${label(op.path)}を削除`;
    case 'moveField':
      return `${label(op.path)}の並び順を変更`;
    case 'addStep':
      return `ステップ「${short(op.title)}」を追加`;
    case 'renameStep':
      return `ステップ${step(op.index)}の名前を「${short(op.title)}」に変更`;
    case 'removeStep':
      return `ステップ${step(op.index)}を削除`;
    case 'moveStep':
      return `ステップ${step(op.index)}の順番を変更`;
    case 'moveToStep':
      return `${label(op.field)}をステップ${step(op.step)}へ移動`;
    case 'setAttachment': {
      const exists = doc.procedure.attachments?.some((a) => a.id === op.attachment.id);
      return `添付書類「${short(op.attachment.label)}」を${exists ? '変更' : '追加'}`;
    }
    case 'removeAttachment': {
      const a = doc.procedure.attachments?.find((x) => x.id === op.attachmentId);
      return `添付書類「${short(a?.label ?? op.attachmentId)}」を削除`;
    }
    case 'setContactDesk':
      return `問い合わせ先を「${short(op.contactDesk.name)}」に変更`;
    case 'setSignaturePolicy':
      return `電子署名を「${SIGNATURE_POLICY_LABELS[op.policy] ?? op.policy}」に変更`;
    case 'setProcedureText':
      return `${PROCEDURE_TEXT_LABELS[op.key]}を変更`;
    case 'setReception':
      return op.reception ? '受付期間を変更' : '受付期間の設定を解除（常に受付）';
  }
}
