/**
 * The capacity (定員) of a single choice outside repeating groups (issue #22):
 * 「定員を設ける」, then places per option (blank: no limit) and, optionally,
 * the repeating group whose rows each take a place (participants). 「定員を反映」
 * turns it into a setCapacity edit, refused in Japanese by the publish rules.
 * Once published, the live numbers are on 「定員と予約状況」 (linked here).
 */
import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { CapacityRule, FieldInfo } from '@madoguchi/shared';
import type { NewOp } from './useBuilder';

interface Props {
  field: FieldInfo;
  /** Every field of the form (to find the repeating groups that may be counted). */
  all: FieldInfo[];
  /** The procedure's 定員と予約状況 page, once it is published. */
  capacityHref?: string | undefined;
  apply: (...ops: NewOp[]) => string | null;
  onMessage: (message: string) => void;
}

/** True when a field sits inside a repeating group's row (one submission, many rows: no capacity there). */
export function inRepeatingGroup(field: FieldInfo, all: FieldInfo[]): boolean {
  const parts = field.path.split('.');
  return parts.slice(0, -1).some((_, i) => all.find((f) => f.path === parts.slice(0, i + 1).join('.'))?.kind === 'group');
}

/** Whether the builder offers a capacity for this field. */
export const offersCapacity = (field: FieldInfo, all: FieldInfo[]) => field.kind === 'choice' && (field.options?.length ?? 0) > 0 && !inRepeatingGroup(field, all);

export function CapacityEditor({ field, all, capacityHref, apply, onMessage }: Props) {
  const id = useId();
  const options = field.options ?? [];
  const current = field.capacity;
  const [on, setOn] = useState(!!current);
  const [limits, setLimits] = useState<Record<string, string>>(() => Object.fromEntries(options.map((o) => [o, current?.limits[o] !== undefined ? String(current.limits[o]) : ''])));
  const [countOf, setCountOf] = useState(current?.countOf ?? '');
  const [refusal, setRefusal] = useState<string | null>(null);
  const groups = all.filter((f) => f.kind === 'group' && !inRepeatingGroup(f, all));

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    let capacity: CapacityRule | null = null;
    if (on) {
      const entered = Object.entries(limits).filter(([, v]) => v.trim() !== '');
      capacity = { limits: Object.fromEntries(entered.map(([o, v]) => [o, Number(v)])), ...(countOf ? { countOf } : {}) };
    }
    if (JSON.stringify(capacity) === JSON.stringify(current ?? null)) return onMessage('変更はありません。');
    const refused = apply({ type: 'setCapacity', path: field.path, capacity });
    setRefusal(refused);
    onMessage(refused ?? (capacity ? `「${field.label}」の定員を反映しました。` : `「${field.label}」の定員を解除しました。`));
  };

  return (
    <form className="builder-form" onSubmit={onSubmit} aria-labelledby={`${id}-title`} noValidate>
      <h3 id={`${id}-title`}>定員</h3>
      {refusal && (
        <p className="field__error" role="alert">
          {refusal}
        </p>
      )}
      <div className="checkbox">
        <input id="edit-capacity-on" type="checkbox" checked={on} aria-describedby="edit-capacity-hint" onChange={(e) => setOn(e.target.checked)} />
        <label htmlFor="edit-capacity-on">定員を設ける</label>
      </div>
      <p id="edit-capacity-hint" className="field__hint">
        選択肢ごとに受け付ける数を決めます（収集日の枠、講座の回など）。定員に達した選択肢は、住民の画面で「満員」になり選べなくなります。
      </p>
      {on && (
        <>
          <fieldset className="builder-fieldset">
            <legend>選択肢ごとの定員（空欄は定員なし）</legend>
            {options.map((o, i) => (
              <div className="field" key={o}>
                <label htmlFor={`edit-capacity-${i}`}>「{o}」の定員</label>
                <input
                  id={`edit-capacity-${i}`}
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={1_000_000}
                  step={1}
                  value={limits[o] ?? ''}
                  onChange={(e) => setLimits({ ...limits, [o]: e.target.value })}
                />
              </div>
            ))}
          </fieldset>
          <div className="field">
            <label htmlFor="edit-capacity-count">人数として数える繰り返し項目</label>
            <select id="edit-capacity-count" aria-describedby="edit-capacity-count-hint" value={countOf} onChange={(e) => setCountOf(e.target.value)}>
              <option value="">数えない（1件の申請で1人分）</option>
              {groups.map((g) => (
                <option key={g.path} value={g.path}>
                  {g.label || g.key}の数
                </option>
              ))}
            </select>
            <p id="edit-capacity-count-hint" className="field__hint">
              選ぶと、その項目に入力された数（例：参加者の人数）だけ定員を使います。
            </p>
          </div>
        </>
      )}
      <button type="submit" className="button button--primary">
        定員を反映
      </button>
      {capacityHref && (
        <p className="field__hint">
          公開後の予約数の確認と定員の変更は <Link to={capacityHref}>定員と予約状況</Link> で行えます。
        </p>
      )}
    </form>
  );
}
