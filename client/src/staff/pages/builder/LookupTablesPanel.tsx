/**
 * 「計算用の表」 (issue #22): the tables calculated values look up, e.g. 品目 →
 * 手数料（円） for 粗大ごみ. Clerks edit rows of key and value; every control is
 * a plain input or button, so rows are added and removed from the keyboard
 * (focus moves to the new row, or to the row that takes a removed one's place).
 * 「表を保存」 turns the table into one setLookupTable edit.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { FIELD_KEY_PATTERN, LOOKUP_TABLES_KEYWORD, type FormDocument, type LookupTableSpec } from '@madoguchi/shared';
import type { NewOp } from './useBuilder';

interface Props {
  doc: FormDocument;
  apply: (...ops: NewOp[]) => string | null;
  onMessage: (message: string) => void;
}

interface Row {
  key: string;
  value: string;
}

function TableEditor({ name, table, apply, onMessage }: { name: string; table: LookupTableSpec; apply: Props['apply']; onMessage: Props['onMessage'] }) {
  const [title, setTitle] = useState(table.title);
  const [keyTitle, setKeyTitle] = useState(table.keyTitle ?? '');
  const [valueTitle, setValueTitle] = useState(table.valueTitle ?? '');
  const [rows, setRows] = useState<Row[]>(table.rows.map((r) => ({ key: r.key, value: String(r.value) })));
  const [focusRow, setFocusRow] = useState<number | null>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const ref = (i: number) => `table-${name}-row-${i}`;

  useEffect(() => {
    if (focusRow === null) return;
    const el = document.getElementById(ref(focusRow)) ?? addRef.current;
    el?.focus();
    setFocusRow(null);
  }, [focusRow]); // eslint-disable-line react-hooks/exhaustive-deps

  const save = (e: FormEvent) => {
    e.preventDefault();
    const bad = rows.findIndex((r) => r.value.trim() === '' || !Number.isFinite(Number(r.value)));
    if (bad >= 0) return onMessage(`表「${title || name}」の${bad + 1}行目の値を数で入力してください。`);
    const spec: LookupTableSpec = { title, keyTitle, valueTitle, rows: rows.map((r) => ({ key: r.key, value: Number(r.value) })) };
    onMessage(apply({ type: 'setLookupTable', name, table: spec }) ?? `表「${title || name}」を保存しました。`);
  };

  return (
    <form className="builder-form lookup-table" onSubmit={save} aria-label={`表「${title || name}」`}>
      <h3>
        表「{title || name}」 <code>'{name}'</code>
      </h3>
      <div className="lookup-table__titles">
        <div className="field">
          <label htmlFor={`table-${name}-title`}>表の名前</label>
          <input id={`table-${name}-title`} value={title} onChange={(e) => setTitle(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`table-${name}-keyTitle`}>見出しの列の名前</label>
          <input id={`table-${name}-keyTitle`} value={keyTitle} onChange={(e) => setKeyTitle(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={`table-${name}-valueTitle`}>値の列の名前</label>
          <input id={`table-${name}-valueTitle`} value={valueTitle} onChange={(e) => setValueTitle(e.target.value)} />
        </div>
      </div>
      <table className="lookup-table__rows">
        <thead>
          <tr>
            <th scope="col">{keyTitle || '見出し'}</th>
            <th scope="col">{valueTitle || '値'}</th>
            <th scope="col">
              <span className="visually-hidden">操作</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              <td>
                <input id={ref(i)} aria-label={`${i + 1}行目の${keyTitle || '見出し'}`} value={r.key} onChange={(e) => setRows(rows.map((x, j) => (j === i ? { ...x, key: e.target.value } : x)))} />
              </td>
              <td>
                <input
                  inputMode="numeric"
                  aria-label={`${i + 1}行目の${valueTitle || '値'}`}
                  value={r.value}
                  onChange={(e) => setRows(rows.map((x, j) => (j === i ? { ...x, value: e.target.value } : x)))}
                />
              </td>
              <td>
                <button
                  type="button"
                  className="button button--secondary"
                  aria-label={`${i + 1}行目（${r.key || '空'}）を削除`}
                  onClick={() => {
                    setRows(rows.filter((_, j) => j !== i));
                    setFocusRow(i < rows.length - 1 ? i : i - 1 >= 0 ? i - 1 : -1);
                  }}
                >
                  削除
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="lookup-table__actions">
        <button
          ref={addRef}
          type="button"
          className="button button--secondary"
          onClick={() => {
            setRows([...rows, { key: '', value: '0' }]);
            setFocusRow(rows.length);
          }}
        >
          行を追加
        </button>
        <button type="submit" className="button button--primary">
          表を保存
        </button>
        <button type="button" className="button button--secondary" onClick={() => onMessage(apply({ type: 'setLookupTable', name, table: null }) ?? `表「${title || name}」を削除しました。`)}>
          表を削除
        </button>
      </div>
    </form>
  );
}

export function LookupTablesPanel({ doc, apply, onMessage }: Props) {
  const tables = (doc.schema[LOOKUP_TABLES_KEYWORD] ?? {}) as Record<string, LookupTableSpec>;
  const [name, setName] = useState('');
  const [title, setTitle] = useState('');
  const add = (e: FormEvent) => {
    e.preventDefault();
    if (!FIELD_KEY_PATTERN.test(name)) return onMessage('表の呼び名は半角英字で始まる英数字にしてください（例: fees）。');
    if (Object.prototype.hasOwnProperty.call(tables, name)) return onMessage(`表「${name}」はもうあります。`);
    const refused = apply({ type: 'setLookupTable', name, table: { title: title.trim() || name, rows: [] } });
    onMessage(refused ?? `表「${title.trim() || name}」を追加しました。行を追加してください。`);
    if (!refused) {
      setName('');
      setTitle('');
    }
  };
  return (
    <div className="builder-form">
      <h2 className="builder-panel__title">計算用の表</h2>
      <p className="field__hint">計算の項目が lookup('呼び名', キー) で値を引く表です（例：品目ごとの手数料）。表にないキーは0になります。</p>
      {Object.entries(tables).map(([n, t]) => (
        <TableEditor key={`${n}:${JSON.stringify(t)}`} name={n} table={t} apply={apply} onMessage={onMessage} />
      ))}
      <form className="builder-form" onSubmit={add} aria-label="表を追加">
        <h3>表を追加</h3>
        <div className="field">
          <label htmlFor="new-table-title">表の名前（例：品目と手数料）</label>
          <input id="new-table-title" value={title} onChange={(e) => setTitle(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="new-table-name">呼び名（計算式で使う半角英字。例：fees）</label>
          <input id="new-table-name" value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <button type="submit" className="button button--primary">
          表を追加
        </button>
      </form>
    </div>
  );
}
