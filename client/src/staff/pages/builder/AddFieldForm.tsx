/**
 * 「項目を追加」: choose a field type (the same Japanese types residents see),
 * its label, options and whether it is required; it is added after the
 * selected field, inside a selected section or repeating group, or at the end.
 * Focus stays here, so fields can be added one after another from the keyboard.
 */
import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { CONTAINER_KINDS, FIELD_KINDS, FIELD_KIND_LABELS, OPTION_KINDS, joinPath, newFieldKey, type FieldInfo, type FieldKind, type FormDocument } from '@madoguchi/shared';
import type { NewOp } from './useBuilder';

interface Values {
  kind: FieldKind;
  label: string;
  options: string;
  required: boolean;
  itemLabel: string;
  where: string;
  key: string;
}

interface Props {
  doc: FormDocument;
  selected: FieldInfo | null;
  /** Sections and repeating groups, flattened. */
  containers: FieldInfo[];
  apply: (...ops: NewOp[]) => string | null;
  onAdded: (path: string, label: string) => void;
}

/** The non-empty lines of a textarea (options, lists). */
export const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** The 「項目を追加」 panel. */
export function AddFieldForm({ doc, selected, containers, apply, onAdded }: Props) {
  const defaultWhere = selected && CONTAINER_KINDS.includes(selected.kind as FieldKind) ? `in:${selected.path}` : selected ? 'after' : 'end';
  const { register, handleSubmit, watch, reset, setFocus, setValue, formState } = useForm<Values>({
    defaultValues: { kind: 'text', label: '', options: '', required: false, itemLabel: '', where: defaultWhere, key: '' },
  });
  const [refusal, setRefusal] = useState<string | null>(null);
  const kind = watch('kind');
  // A new selection moves the default place of the next field.
  useEffect(() => setValue('where', defaultWhere), [defaultWhere, setValue]);

  const onSubmit = handleSubmit((v) => {
    const parent = v.where === 'after' && selected ? selected.parentPath : v.where.startsWith('in:') ? v.where.slice(3) : '';
    const after = v.where === 'after' && selected ? selected.key : undefined;
    const key = v.key.trim() || newFieldKey(doc, v.kind);
    const options = OPTION_KINDS.includes(v.kind) ? lines(v.options) : undefined;
    const refused = apply({
      type: 'addField',
      parent,
      ...(after !== undefined ? { after } : {}),
      field: {
        key,
        kind: v.kind,
        label: v.label.trim(),
        required: v.required,
        ...(options ? { options } : {}),
        ...(v.kind === 'group' && v.itemLabel.trim() ? { itemLabel: v.itemLabel.trim() } : {}),
      },
    });
    setRefusal(refused);
    if (refused) return;
    onAdded(joinPath(parent, key), v.label.trim());
    reset({ kind: v.kind, label: '', options: '', required: false, itemLabel: '', where: v.where, key: '' });
    setFocus('label');
  });

  const errors = formState.errors;
  return (
    <form className="builder-form" onSubmit={onSubmit} aria-labelledby="add-field-title" noValidate>
      <h2 id="add-field-title" className="builder-panel__title">
        項目を追加
      </h2>
      {refusal && (
        <p className="field__error" role="alert">
          {refusal}
        </p>
      )}
      <div className="field">
        <label htmlFor="add-kind">入力の種類</label>
        <select id="add-kind" {...register('kind')}>
          {FIELD_KINDS.map((k) => (
            <option key={k} value={k}>
              {FIELD_KIND_LABELS[k]}
            </option>
          ))}
        </select>
      </div>
      <div className={`field${errors.label ? ' field--error' : ''}`}>
        <label htmlFor="add-label">項目名</label>
        {errors.label && (
          <p id="add-label-error" className="field__error">
            {errors.label.message}
          </p>
        )}
        <input
          id="add-label"
          aria-invalid={errors.label ? true : undefined}
          aria-describedby={errors.label ? 'add-label-error' : undefined}
          {...register('label', { validate: (v) => v.trim() !== '' || '項目名を入力してください。' })}
        />
      </div>
      {OPTION_KINDS.includes(kind) && (
        <div className={`field${errors.options ? ' field--error' : ''}`}>
          <label htmlFor="add-options">選択肢（1行に1つ）</label>
          {errors.options && (
            <p id="add-options-error" className="field__error">
              {errors.options.message}
            </p>
          )}
          <textarea
            id="add-options"
            rows={4}
            aria-describedby={errors.options ? 'add-options-error' : undefined}
            {...register('options', { validate: (v) => lines(v).length > 0 || '選択肢を1つ以上入力してください。' })}
          />
        </div>
      )}
      {kind === 'group' && (
        <div className="field">
          <label htmlFor="add-item-label">1件分の見出し（例：品目）</label>
          <input id="add-item-label" {...register('itemLabel')} />
        </div>
      )}
      <div className="checkbox">
        <input id="add-required" type="checkbox" {...register('required')} />
        <label htmlFor="add-required">必須にする</label>
      </div>
      <div className="field">
        <label htmlFor="add-where">追加する場所</label>
        <select id="add-where" {...register('where')}>
          <option value="end">フォームの最後</option>
          {selected && <option value="after">「{selected.label || selected.key}」の後</option>}
          {containers.map((c) => (
            <option key={c.path} value={`in:${c.path}`}>
              「{c.label || c.key}」の中
            </option>
          ))}
        </select>
      </div>
      <details className="builder-details">
        <summary>詳細設定</summary>
        <div className="field">
          <label htmlFor="add-key">項目キー（半角英数字。空欄なら自動）</label>
          <input id="add-key" {...register('key', { pattern: { value: /^([A-Za-z][A-Za-z0-9_]*)?$/, message: '半角英字で始まる英数字にしてください。' } })} />
          {errors.key && <p className="field__error">{errors.key.message}</p>}
        </div>
      </details>
      <button type="submit" className="button button--primary">
        項目を追加
      </button>
    </form>
  );
}
