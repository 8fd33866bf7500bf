/**
 * The expression of a 計算（自動計算） field (issue #22): problems show in
 * Japanese as staff type (the same checks publishing runs, calc/calcNames.ts),
 * next to the names the expression may use and the functions of the language.
 * 「計算式を反映」 (or Enter) turns it into a setCalc edit.
 */
import { useId, useMemo, useState, type FormEvent, type KeyboardEvent } from 'react';
import { CALC_KEYWORD, calcNamesFor, checkCalcExpression, locateField, type CalcName, type FieldInfo, type FormDocument } from '@madoguchi/shared';
import type { NewOp } from './useBuilder';

interface Props {
  doc: FormDocument;
  field: FieldInfo;
  apply: (...ops: NewOp[]) => string | null;
  onMessage: (message: string) => void;
}

const FUNCTION_HELP: Array<[string, string]> = [
  ['sum(グループ, 式)', '繰り返しグループの行ごとの式の合計'],
  ['count(グループ)', '繰り返しグループの行数'],
  ["lookup('表', キー)", '表でキーの値を引く（ないときは0）'],
  ['if(条件, 値1, 値2)', '条件が成り立てば値1、でなければ値2'],
  ['min, max, round, floor, ceil', '最小・最大・四捨五入・切り捨て・切り上げ'],
];

function NameList({ names }: { names: CalcName[] }) {
  return (
    <ul className="calc-names">
      {names.map((n) => (
        <li key={n.name}>
          <code>{n.name}</code>：{n.title}
          {n.kind === 'group' && n.row && n.row.length > 0 && (
            <>
              （繰り返しグループ。sum の中で使える名前：
              {n.row.map((r, i) => (
                <span key={r.name}>
                  {i > 0 && '、'}
                  <code>{r.name}</code>
                </span>
              ))}
              ）
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

export function CalcExpressionEditor({ doc, field, apply, onMessage }: Props) {
  const id = useId();
  const current = String(locateField(doc.schema, field.path)?.node[CALC_KEYWORD] ?? '');
  const [text, setText] = useState(current);
  const problems = useMemo(() => checkCalcExpression(doc.schema, field.parentPath, text), [doc.schema, field.parentPath, text]);
  const names = useMemo(() => calcNamesFor(doc.schema, field.parentPath).filter((n) => n.name !== field.key), [doc.schema, field.parentPath, field.key]);
  const tables = Object.keys((doc.schema['x-lookup-tables'] ?? {}) as object);

  const onSubmit = (e: FormEvent | KeyboardEvent) => {
    e.preventDefault();
    if (text.trim() === current) return onMessage('変更はありません。');
    onMessage(apply({ type: 'setCalc', path: field.path, expression: text }) ?? `「${field.label}」の計算式を反映しました。`);
  };

  return (
    <form className="builder-form" onSubmit={onSubmit} aria-labelledby={`${id}-title`} noValidate>
      <h3 id={`${id}-title`}>計算式</h3>
      <div className="field">
        <label htmlFor="edit-calc">計算式（住民の入力から自動で計算し、申請の受付時にもサーバーで計算し直します）</label>
        <textarea
          id="edit-calc"
          rows={3}
          spellCheck={false}
          value={text}
          aria-invalid={problems.length > 0}
          aria-describedby="edit-calc-status"
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey) onSubmit(e);
          }}
        />
        <p id="edit-calc-status" className={problems.length ? 'field__error' : 'field__hint'} aria-live="polite">
          {problems.length ? problems.join(' ') : '計算式に問題はありません。'}
        </p>
      </div>
      <button type="submit" className="button button--primary">
        計算式を反映
      </button>
      <details className="calc-help">
        <summary>使える名前と関数</summary>
        <p className="field__hint">
          名前はその項目と同じまとまりのものが先に、なければフォーム全体から探します。例：<code>{"sum(items, lookup('fees', kind) * count)"}</code>
        </p>
        <NameList names={names} />
        <p className="field__hint">表：{tables.length ? tables.map((t) => `'${t}'`).join('、') : 'まだありません（「計算用の表」タブで追加します）'}</p>
        <dl className="calc-functions">
          {FUNCTION_HELP.map(([f, d]) => (
            <div key={f}>
              <dt>
                <code>{f}</code>
              </dt>
              <dd>{d}</dd>
            </div>
          ))}
        </dl>
        <p className="field__hint">演算子：+ − * / %、比較（== != &lt; &lt;= &gt; &gt;=）、かつ（&amp;&amp;）・または（||）・でない（!）</p>
      </details>
    </form>
  );
}
