/**
 * 「名前を付ける」: one place listing every field whose label is missing or was
 * made from its key on import (`street_address` → 「Street address」, marked
 * x-label-from-key), to name
 * them all at once. Shown only while there are such fields.
 */
import { useForm } from 'react-hook-form';
import { LABEL_FROM_KEY, locateField, type FieldInfo, type FormDocument } from '@madoguchi/shared';
import type { NewOp } from './useBuilder';

interface Props {
  doc: FormDocument;
  fields: FieldInfo[];
  apply: (...ops: NewOp[]) => string | null;
  onMessage: (message: string) => void;
  onSelect: (path: string) => void;
}

/** Fields still carrying a provisional label (none, or the one made from the key on import). */
export const unnamedFields = (doc: FormDocument, fields: FieldInfo[]) => fields.filter((f) => !f.label.trim() || locateField(doc.schema, f.path)?.node[LABEL_FROM_KEY] === true);

export function NamingPanel({ doc, fields, apply, onMessage, onSelect }: Props) {
  const unnamed = unnamedFields(doc, fields);
  const { register, handleSubmit, reset } = useForm<{ labels: Record<string, string> }>({ values: { labels: Object.fromEntries(unnamed.map((f, i) => [`f${i}`, ''])) } });
  if (unnamed.length === 0) return null;
  const submit = handleSubmit((v) => {
    const ops: NewOp[] = unnamed.flatMap((f, i) => {
      const label = v.labels[`f${i}`]?.trim();
      return label ? [{ type: 'setLabel' as const, path: f.path, label }] : [];
    });
    if (ops.length === 0) return onMessage('項目名が入力されていません。');
    const refused = apply(...ops);
    onMessage(refused ?? `${ops.length}項目に名前を付けました。`);
    if (!refused) reset();
  });
  return (
    <section className="naming-panel" aria-labelledby="naming-title">
      <h2 id="naming-title" className="builder-panel__title">
        名前を付ける（{unnamed.length}項目）
      </h2>
      <p className="field__hint">次の項目には、キーから作った仮の項目名が付いています。住民に分かる名前を入力して「名前を反映」を押してください（空欄の項目は今の名前のままです）。</p>
      <form onSubmit={submit} noValidate>
        {unnamed.map((f, i) => (
          <div key={f.path} className="naming-panel__row">
            <label htmlFor={`naming-${i}`}>
              {f.label || '（項目名なし）'}
              <code>{f.path}</code>
            </label>
            <input id={`naming-${i}`} placeholder={f.label} {...register(`labels.f${i}` as const)} />
          </div>
        ))}
        <div className="builder-row">
          <button type="submit" className="button button--primary">
            名前を反映
          </button>
          <button type="button" className="button" onClick={() => onSelect(unnamed[0]!.path)}>
            最初の項目を選ぶ
          </button>
        </div>
      </form>
    </section>
  );
}
