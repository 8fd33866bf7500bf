/**
 * 「マイナンバーカードから入力」 for a section: which of its fields the card's
 * 基本4情報 fill (a 氏名 block, a 住所 block, a date, a 性別 choice), and whether
 * residents may change them afterwards. One edit (setCardPrefill), undoable.
 */
import { useState } from 'react';
import type { CardClaim, CardPrefillMarker, FieldInfo } from '@madoguchi/shared';
import type { NewOp } from './useBuilder';

const CLAIMS: { claim: CardClaim; label: string; kinds: string[] }[] = [
  { claim: 'name', label: '氏名', kinds: ['personName'] },
  { claim: 'address', label: '住所', kinds: ['address'] },
  { claim: 'birthdate', label: '生年月日', kinds: ['date'] },
  { claim: 'gender', label: '性別', kinds: ['choice'] },
];

interface Props {
  field: FieldInfo;
  apply: (...ops: NewOp[]) => string | null;
  onMessage: (message: string) => void;
}

export function CardPrefillEditor({ field, apply, onMessage }: Props) {
  const [marker, setMarker] = useState<CardPrefillMarker>(field.cardPrefill ?? {});
  const [refusal, setRefusal] = useState<string | null>(null);
  const children = field.children ?? [];
  const save = (prefill: CardPrefillMarker | null) => {
    const refused = apply({ type: 'setCardPrefill', path: field.path, prefill });
    setRefusal(refused);
    onMessage(refused ?? (prefill ? `「${field.label}」にマイナンバーカードからの入力を設定しました。` : `「${field.label}」のマイナンバーカードからの入力を解除しました。`));
  };
  return (
    <section className="builder-form" aria-labelledby="card-prefill-title">
      <h3 id="card-prefill-title">マイナンバーカードから入力</h3>
      <p className="field__hint">
        住民がマイナンバーカードでログインすると、ここで選んだ項目にカードの基本4情報（氏名・住所・生年月日・性別）が入ります。フリガナや郵便番号はカードにないため、住民が入力します。
      </p>
      {CLAIMS.map(({ claim, label, kinds }) => (
        <div className="field" key={claim}>
          <label htmlFor={`card-${claim}`}>{label}を入れる項目</label>
          <select id={`card-${claim}`} value={marker[claim] ?? ''} onChange={(e) => setMarker({ ...marker, [claim]: e.target.value || undefined })}>
            <option value="">（入れない）</option>
            {children
              .filter((c) => kinds.includes(c.kind))
              .map((c) => (
                <option key={c.key} value={c.key}>
                  {c.label}
                </option>
              ))}
          </select>
        </div>
      ))}
      <div className="checkbox">
        <input id="card-editable" type="checkbox" checked={marker.editable === true} onChange={(e) => setMarker({ ...marker, editable: e.target.checked || undefined })} />
        <label htmlFor="card-editable">カードから入った値を住民が変更できるようにする（通常は変更できません）</label>
      </div>
      {refusal && (
        <p className="form-error" role="alert">
          {refusal}
        </p>
      )}
      <div className="builder-buttons">
        <button type="button" className="button button--primary" onClick={() => save(marker)}>
          カードからの入力を反映
        </button>
        {field.cardPrefill && (
          <button type="button" className="button button--secondary" onClick={() => save(null)}>
            解除
          </button>
        )}
      </div>
    </section>
  );
}
