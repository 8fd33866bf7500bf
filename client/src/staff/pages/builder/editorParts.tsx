/** Parts of the field editor: the validation-rule inputs (conditions are LogicEditor's). */
import type { ReactNode } from 'react';
import type { UseFormRegister } from 'react-hook-form';
import type { ValidationRules } from '@madoguchi/shared';

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
