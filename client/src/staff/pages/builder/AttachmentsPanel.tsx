/**
 * 「添付書類」 (react-hook-form): the files residents attach next to the form —
 * name, explanation, when they are needed (always, under a condition on an
 * answer, or optional), accepted file types and limits. Files are never
 * fields of the form itself.
 */
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { flattenFields, type AttachmentSpec, type FieldInfo } from '@madoguchi/shared';
import type { NewOp } from './useBuilder';

const TYPES: Array<[string, string]> = [
  ['image/jpeg', 'JPEG 画像'],
  ['image/png', 'PNG 画像'],
  ['image/heic', 'HEIC 画像（iPhone）'],
  ['application/pdf', 'PDF'],
];

interface Values {
  label: string;
  description: string;
  required: AttachmentSpec['required'];
  conditionField: string;
  conditionValue: string;
  conditionText: string;
  accept: string[];
  maxFiles: string;
  maxSizeMb: string;
}

interface Props {
  attachments: AttachmentSpec[];
  fields: FieldInfo[];
  /** Attachment ids the preset requires (cannot be removed or made optional). */
  lockedIds: string[];
  apply: (...ops: NewOp[]) => string | null;
  onMessage: (message: string) => void;
}

const empty: Values = { label: '', description: '', required: 'optional', conditionField: '', conditionValue: '', conditionText: '', accept: TYPES.map(([t]) => t), maxFiles: '5', maxSizeMb: '10' };

function valuesOf(a: AttachmentSpec): Values {
  const v = a.condition?.equals ?? a.condition?.in?.[0];
  return {
    label: a.label,
    description: a.description ?? '',
    required: a.required,
    conditionField: a.condition?.field ?? '',
    conditionValue: v === undefined ? '' : JSON.stringify(v),
    conditionText: a.conditionText ?? '',
    accept: a.accept,
    maxFiles: String(a.maxFiles),
    maxSizeMb: String(a.maxSizeMb),
  };
}

export function AttachmentsPanel({ attachments, fields, lockedIds, apply, onMessage }: Props) {
  const [editing, setEditing] = useState<string | null>(null);
  const current = attachments.find((a) => a.id === editing);
  const { register, handleSubmit, watch, reset, formState } = useForm<Values>({ values: current ? valuesOf(current) : empty });
  const choices = flattenFields(fields).filter((f) => f.kind === 'choice' || f.kind === 'yesNo');
  const conditionField = choices.find((f) => f.path === watch('conditionField'));
  const conditionValues =
    conditionField?.kind === 'yesNo'
      ? [
          ['true', 'はい'],
          ['false', 'いいえ'],
        ]
      : (conditionField?.options ?? []).map((o) => [JSON.stringify(o), o]);

  const onSubmit = handleSubmit((v) => {
    let id = current?.id;
    if (!id) for (let n = 1; !id || attachments.some((a) => a.id === id); n++) id = `attachment${n}`;
    const spec: AttachmentSpec = {
      id: id!,
      label: v.label.trim(),
      ...(v.description.trim() ? { description: v.description.trim() } : {}),
      required: v.required,
      ...(v.required === 'conditional' && v.conditionField && v.conditionValue
        ? { condition: { field: v.conditionField, equals: JSON.parse(v.conditionValue) as string }, conditionText: v.conditionText.trim() }
        : {}),
      accept: v.accept,
      maxFiles: Number(v.maxFiles),
      maxSizeMb: Number(v.maxSizeMb),
    };
    const refused = apply({ type: 'setAttachment', attachment: spec });
    onMessage(refused ?? `添付書類「${spec.label}」を${current ? '変更' : '追加'}しました。`);
    if (!refused) {
      setEditing(null);
      reset(empty);
    }
  });

  return (
    <div className="builder-form">
      <h2 className="builder-panel__title">添付書類</h2>
      {attachments.length === 0 ? (
        <p>添付書類はありません。</p>
      ) : (
        <ul className="attachment-list">
          {attachments.map((a) => (
            <li key={a.id}>
              <span>
                <strong>{a.label}</strong>（{a.required === 'always' ? '必須' : a.required === 'conditional' ? a.conditionText || '条件付き' : '任意'}）
              </span>
              <button type="button" className="button button--small" onClick={() => setEditing(a.id)}>
                編集
              </button>
              <button
                type="button"
                className="button button--small"
                disabled={lockedIds.includes(a.id)}
                aria-label={lockedIds.includes(a.id) ? `「${a.label}」は法令で求められているため削除できません` : `「${a.label}」を削除`}
                onClick={() => onMessage(apply({ type: 'removeAttachment', attachmentId: a.id }) ?? `添付書類「${a.label}」を削除しました。`)}
              >
                削除
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={onSubmit} aria-labelledby="attachment-form-title" noValidate>
        <h3 id="attachment-form-title">{current ? `「${current.label}」を編集` : '添付書類を追加'}</h3>
        <div className="field">
          <label htmlFor="att-label">書類の名前</label>
          <input id="att-label" {...register('label', { validate: (v) => v.trim() !== '' || '書類の名前を入力してください。' })} />
          {formState.errors.label && <p className="field__error">{formState.errors.label.message}</p>}
        </div>
        <div className="field">
          <label htmlFor="att-description">説明</label>
          <textarea id="att-description" rows={2} {...register('description')} />
        </div>
        <div className="field">
          <label htmlFor="att-required">提出</label>
          <select id="att-required" {...register('required')}>
            <option value="always">必ず提出</option>
            <option value="conditional">回答によって提出</option>
            <option value="optional">任意</option>
          </select>
        </div>
        {watch('required') === 'conditional' && (
          <div className="builder-row">
            <div className="field">
              <label htmlFor="att-cond-field">条件に使う項目</label>
              <select id="att-cond-field" {...register('conditionField')}>
                <option value="">選んでください</option>
                {choices.map((f) => (
                  <option key={f.path} value={f.path}>
                    {f.label}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="att-cond-value">その回答</label>
              <select id="att-cond-value" {...register('conditionValue')}>
                <option value="">選んでください</option>
                {conditionValues.map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="att-cond-text">住民向けの条件の説明（例：代理人が申請する場合）</label>
              <input id="att-cond-text" {...register('conditionText')} />
            </div>
          </div>
        )}
        <fieldset className="builder-fieldset">
          <legend>受け付けるファイル</legend>
          <div className="builder-checks">
            {TYPES.map(([t, label]) => (
              <span className="checkbox" key={t}>
                <input id={`att-accept-${t}`} type="checkbox" value={t} {...register('accept')} />
                <label htmlFor={`att-accept-${t}`}>{label}</label>
              </span>
            ))}
          </div>
        </fieldset>
        <div className="builder-row">
          <div className="field field--inline">
            <label htmlFor="att-max-files">最大ファイル数</label>
            <input id="att-max-files" type="number" min={1} max={20} {...register('maxFiles')} />
          </div>
          <div className="field field--inline">
            <label htmlFor="att-max-size">1ファイルの上限（MB）</label>
            <input id="att-max-size" type="number" min={1} max={50} {...register('maxSizeMb')} />
          </div>
        </div>
        <button type="submit" className="button button--primary">
          {current ? '変更を反映' : '添付書類を追加'}
        </button>
        {current && (
          <button
            type="button"
            className="button"
            onClick={() => {
              setEditing(null);
              reset(empty);
            }}
          >
            やめる
          </button>
        )}
      </form>
    </div>
  );
}
