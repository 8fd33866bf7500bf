/** 「変更の一覧」: the local edits over the preset, in order and in plain Japanese (what a preset update re-applies). */
import { useMemo } from 'react';
import { applyOp, describeOp, type EditOp, type FormDocument } from '@madoguchi/shared';

export function EditsList({ base, ops }: { base: FormDocument; ops: EditOp[] }) {
  const items = useMemo(() => {
    let doc = base;
    return ops.map((op) => {
      const text = describeOp(op, doc);
      doc = applyOp(doc, op);
      return { id: op.id, text };
    });
  }, [base, ops]);
  return (
    <section aria-labelledby="edits-title">
      <h2 id="edits-title" className="builder-panel__title">
        変更の一覧
      </h2>
      <p className="field__hint">プリセットに加えた変更です。プリセットが更新されたときは、これらを新しい版に当て直します。</p>
      {items.length === 0 ? (
        <p>まだ変更はありません（全国共通の内容のままです）。</p>
      ) : (
        <ol className="edits-list">
          {items.map((i) => (
            <li key={i.id}>{i.text}</li>
          ))}
        </ol>
      )}
    </section>
  );
}
