/** Parts of the field editor: the validation-rule inputs and the "show when…" condition. */
import type { ReactNode } from 'react';
import type { UseFormRegister, UseFormReturn } from 'react-hook-form';
import type { FieldInfo, ValidationRules } from '@madoguchi/shared';

/** The field editor's form values (numbers as text, so a blank means "no limit"). */
export interface EditorValues {
  label: string;
  help: string;
  description: string;
  placeholder: string;
  required: boolean;
  /** `x-sensitive`: masked in the inbox list, view and exports. */
  sensitive: boolean;
  options: string;
  widget: string;
  minLength: string;
  maxLength: string;
  minimum: string;
  maximum: string;
  minItems: string;
  maxItems: string;
  charset: string;
  dateRule: string;
  showMode: 'always' | 'when' | 'custom';
  showField: string;
  showValue: string;
  step: string;
}

const numberInput = (key: 'minLength' | 'maxLength' | 'minimum' | 'maximum' | 'minItems' | 'maxItems', label: string) => ({
  key,
  render: (register: UseFormRegister<EditorValues>): ReactNode => (
    <div className="field field--inline" key={key}>
      <label htmlFor={`rule-${key}`}>{label}</label>
      <input id={`rule-${key}`} type="number" inputMode="numeric" min={0} {...register(key)} />
    </div>
  ),
});

/** Each rule's input, in the order the editor shows them. */
export const RULE_FIELDS: Array<{ key: keyof ValidationRules; render: (register: UseFormRegister<EditorValues>) => ReactNode }> = [
  numberInput('minLength', '最小文字数'),
  numberInput('maxLength', '最大文字数'),
  numberInput('minimum', '最小値'),
  numberInput('maximum', '最大値'),
  numberInput('minItems', '最少件数'),
  numberInput('maxItems', '最多件数'),
  {
    key: 'charset',
    render: (register) => (
      <div className="field" key="charset">
        <label htmlFor="rule-charset">文字の種類</label>
        <select id="rule-charset" {...register('charset')}>
          <option value="any">指定しない</option>
          <option value="digits">半角数字のみ</option>
          <option value="alphanumeric">半角英数字のみ</option>
          <option value="katakana">カタカナ</option>
          <option value="hiragana">ひらがな</option>
        </select>
      </div>
    ),
  },
  {
    key: 'dateRule',
    render: (register) => (
      <div className="field" key="dateRule">
        <label htmlFor="rule-dateRule">選べる日付</label>
        <select id="rule-dateRule" {...register('dateRule')}>
          <option value="any">制限しない</option>
          <option value="past">今日以前（生年月日・発生日など）</option>
          <option value="future">今日以降（予定日など）</option>
        </select>
      </div>
    ),
  },
];

/** Sibling fields a condition can test: choices and yes/no questions, other than the field itself. */
export function conditionCandidates(field: FieldInfo, siblings: FieldInfo[]): Array<{ key: string; label: string; values: Array<{ value: string; label: string }> }> {
  return siblings
    .filter((s) => s.key !== field.key && (s.kind === 'choice' || s.kind === 'multiChoice' || s.kind === 'yesNo'))
    .map((s) => ({
      key: s.key,
      label: s.label || s.key,
      values:
        s.kind === 'yesNo'
          ? [
              { value: 'true', label: 'はい' },
              { value: 'false', label: 'いいえ' },
            ]
          : (s.options ?? []).map((o) => ({ value: JSON.stringify(o), label: o })),
    }));
}

interface ShowWhenProps {
  form: UseFormReturn<EditorValues>;
  candidates: ReturnType<typeof conditionCandidates>;
  disabled: boolean;
  mode: EditorValues['showMode'];
}

/** 「表示する条件」: always, or only when a sibling choice has a value. */
export function ShowWhenFields({ form, candidates, disabled, mode }: ShowWhenProps) {
  const { register, watch } = form;
  const chosen = candidates.find((c) => c.key === watch('showField'));
  return (
    <fieldset className="builder-fieldset" disabled={disabled}>
      <legend>表示する条件</legend>
      {mode === 'custom' ? (
        <p className="field__hint">この項目には詳しい条件が設定されています（下の「条件」で変更できます）。</p>
      ) : (
        <>
          <div className="checkbox">
            <input id="show-always" type="radio" value="always" {...register('showMode')} />
            <label htmlFor="show-always">常に表示する</label>
          </div>
          <div className="checkbox">
            <input id="show-when" type="radio" value="when" disabled={candidates.length === 0} {...register('showMode')} />
            <label htmlFor="show-when">次の回答のときだけ表示する</label>
          </div>
          {candidates.length === 0 && <p className="field__hint">同じまとまりに、条件に使える選択式の項目（選択肢・はい／いいえ）がありません。</p>}
          {mode === 'when' && (
            <div className="builder-row">
              <div className="field">
                <label htmlFor="show-field">条件に使う項目</label>
                <select id="show-field" {...register('showField')}>
                  <option value="">選んでください</option>
                  {candidates.map((c) => (
                    <option key={c.key} value={c.key}>
                      {c.label}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor="show-value">その回答</label>
                <select id="show-value" {...register('showValue')}>
                  <option value="">選んでください</option>
                  {(chosen?.values ?? []).map((v) => (
                    <option key={v.value} value={v.value}>
                      {v.label}
                    </option>
                  ))}
                </select>
              </div>
            </div>
          )}
        </>
      )}
    </fieldset>
  );
}
