/**
 * 「条件」: a field's rules on earlier answers (logic/ in shared), the
 * builder's one condition editor. A field has at most one rule of each effect
 * (表示／必須にする／メッセージ), listed in words. The clerk picks the effect,
 * then any earlier answer (grouped by step or section; not inside another
 * repeating group — in a row, that row's answers), a comparison fitting its
 * kind and the value(s), more joined by 「すべて満たす／いずれかを満たす」.
 * 「条件を反映」 replaces that effect's rule, keeping the others, in one `setLogic` edit.
 */
import { useMemo, useState } from 'react';
import { LOGIC_EFFECT_LABELS, describeLogic, isLeaf, type Condition, type ConditionLeaf, type FieldInfo, type FieldLogic, type FormStep, type LeafOp } from '@madoguchi/shared';
import type { NewOp } from './useBuilder';

interface Props {
  field: FieldInfo;
  /** Every field of the form, parents first, in display order. */
  all: FieldInfo[];
  steps: FormStep[] | undefined;
  apply: (...ops: NewOp[]) => string | null;
  onMessage: (message: string) => void;
}

interface Row {
  field: string;
  op: LeafOp;
  /** The value as typed or chosen (JSON for choices). */
  value: string;
  values: string[];
  min: string;
  max: string;
  /** '' is today. */
  otherDate: string;
}

const OP_LABELS: Record<LeafOp, string> = {
  equals: 'が次のとき',
  oneOf: 'が次のいずれか（含む）',
  gte: 'が次の数以上',
  lte: 'が次の数以下',
  between: 'が次の範囲',
  dateBefore: 'が次より前',
  dateAfter: 'が次より後',
  dateOnOrBefore: 'が次以前',
  dateOnOrAfter: 'が次以降',
  filled: 'が入力済み',
  empty: 'が未入力',
};

/** The comparisons that fit an answer's kind. */
export function opsFor(kind: FieldInfo['kind']): LeafOp[] {
  if (kind === 'choice' || kind === 'yesNo') return ['equals', 'oneOf', 'filled', 'empty'];
  if (kind === 'multiChoice') return ['oneOf', 'filled', 'empty'];
  if (kind === 'number') return ['gte', 'lte', 'between', 'equals', 'filled', 'empty'];
  if (kind === 'date') return ['dateBefore', 'dateAfter', 'dateOnOrBefore', 'dateOnOrAfter', 'filled', 'empty'];
  return ['filled', 'empty'];
}

const CONTAINERS = new Set(['section', 'group']);

/** Earlier answers a condition of `field` may read: any, except inside a repeating group that does not hold the field (another row's answer). */
export function answerCandidates(field: FieldInfo, all: FieldInfo[]): FieldInfo[] {
  const index = all.findIndex((f) => f.path === field.path);
  const byPath = new Map(all.map((f) => [f.path, f]));
  return all.slice(0, Math.max(0, index)).filter((f) => {
    if (CONTAINERS.has(f.kind) || f.kind === 'custom' || f.path.startsWith(`${field.path}.`)) return false;
    const segments = f.path.split('.');
    return segments.slice(0, -1).every((_, i) => {
      const group = segments.slice(0, i + 1).join('.');
      return byPath.get(group)?.kind !== 'group' || field.path.startsWith(`${group}.`);
    });
  });
}

const emptyRow = (field = '', op: LeafOp = 'filled'): Row => ({ field, op, value: '', values: [], min: '', max: '', otherDate: '' });

function rowOf(leaf: ConditionLeaf): Row {
  return {
    ...emptyRow(leaf.field, leaf.op),
    value: leaf.value === undefined ? '' : typeof leaf.value === 'number' ? String(leaf.value) : JSON.stringify(leaf.value),
    values: (leaf.values ?? []).map((v) => JSON.stringify(v)),
    min: leaf.min === undefined ? '' : String(leaf.min),
    max: leaf.max === undefined ? '' : String(leaf.max),
    otherDate: leaf.otherDate ?? '',
  };
}

/** The editor's rows for a rule: one flat list joined by all or any (deeper trees are replaced when edited). */
function rowsOf(logic: FieldLogic | undefined): { join: 'all' | 'any'; rows: Row[]; nested: boolean } {
  if (!logic) return { join: 'all', rows: [], nested: false };
  const c = logic.when;
  if (isLeaf(c)) return { join: 'all', rows: [rowOf(c)], nested: false };
  const list = 'all' in c ? c.all : c.any;
  return { join: 'all' in c ? 'all' : 'any', rows: list.filter(isLeaf).map(rowOf), nested: !list.every(isLeaf) };
}

function leafOf(row: Row, kind: FieldInfo['kind']): ConditionLeaf | undefined {
  if (!row.field) return undefined;
  const leaf: ConditionLeaf = { field: row.field, op: row.op };
  const parse = (s: string) => (kind === 'number' ? (s.trim() === '' ? undefined : Number(s)) : s ? (JSON.parse(s) as ConditionLeaf['value']) : undefined);
  if (row.op === 'equals' || row.op === 'gte' || row.op === 'lte') {
    const v = parse(row.value);
    if (v === undefined || (typeof v === 'number' && !Number.isFinite(v))) return undefined;
    leaf.value = v;
  } else if (row.op === 'oneOf') {
    if (row.values.length === 0) return undefined;
    leaf.values = row.values.map((v) => JSON.parse(v) as ConditionLeaf['value'] & string);
  } else if (row.op === 'between') {
    if (row.min.trim() === '' || row.max.trim() === '') return undefined;
    Object.assign(leaf, { min: Number(row.min), max: Number(row.max) });
  } else if (row.op.startsWith('date') && row.otherDate) leaf.otherDate = row.otherDate;
  return leaf;
}

function groupLabel(f: FieldInfo, all: FieldInfo[], steps: FormStep[] | undefined): string {
  if (f.parentPath) return all.find((p) => p.path === f.parentPath)?.label || f.parentPath;
  const i = steps?.findIndex((s) => s.fields.includes(f.key)) ?? -1;
  return i >= 0 ? `ステップ${i + 1}：${steps![i]!.title}` : 'この手続';
}

const EFFECT_ORDER: FieldLogic['effect'][] = ['show', 'require', 'message'];
const inOrder = (rules: FieldLogic[]) => [...rules].sort((a, b) => EFFECT_ORDER.indexOf(a.effect) - EFFECT_ORDER.indexOf(b.effect));

export function LogicEditor({ field, all, steps, apply, onMessage }: Props) {
  const existing = useMemo(() => (field.logicRules === 'custom' ? [] : field.logicRules), [field.logicRules]);
  const ruleOf = (e: FieldLogic['effect'] | 'none') => existing.find((r) => r.effect === e);
  const [effect, setEffect] = useState<FieldLogic['effect'] | 'none'>(existing[0]?.effect ?? 'none');
  const initial = useMemo(() => rowsOf(existing.find((r) => r.effect === effect)), [existing, effect]);
  const [join, setJoin] = useState(initial.join);
  const [rows, setRows] = useState<Row[]>(initial.rows.length > 0 ? initial.rows : [emptyRow()]);
  const [level, setLevel] = useState<'info' | 'warning'>(ruleOf('message')?.note?.level ?? 'info');
  const [noteText, setNoteText] = useState(ruleOf('message')?.note?.ja ?? '');
  /** Picking an effect loads its rule (or a blank one) into the rows. */
  const chooseEffect = (e: FieldLogic['effect'] | 'none') => {
    setEffect(e);
    const loaded = rowsOf(ruleOf(e));
    setJoin(loaded.join);
    setRows(loaded.rows.length > 0 ? loaded.rows : [emptyRow()]);
  };
  const [refusal, setRefusal] = useState<string | null>(null);
  const candidates = answerCandidates(field, all);
  const infoOf = (path: string) => all.find((f) => f.path === path);
  const groups = [...new Set(candidates.map((c) => groupLabel(c, all, steps)))];
  const label = (p: string) => infoOf(p)?.label || p;

  const leaves = rows.map((r) => leafOf(r, infoOf(r.field)?.kind ?? 'text'));
  const complete = leaves.every(Boolean) && leaves.length > 0;
  const when: Condition | undefined = complete ? (leaves.length === 1 ? leaves[0]! : join === 'all' ? { all: leaves as ConditionLeaf[] } : { any: leaves as ConditionLeaf[] }) : undefined;
  const logic: FieldLogic | null = effect === 'none' || !when ? null : { effect, when, ...(effect === 'message' ? { note: { level, ja: noteText } } : {}) };
  const words = effect === 'none' ? '条件はありません（常に表示）。' : logic ? `${describeLogic(logic, label)}。` : '条件を最後まで選んでください。';

  const update = (i: number, patch: Partial<Row>) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const save = (rules: FieldLogic[] | null, done: string) => {
    const refused = apply({ type: 'setLogic', path: field.path, logic: rules && rules.length > 0 ? inOrder(rules) : null });
    setRefusal(refused);
    onMessage(refused ?? done);
  };
  const onSubmit = (e: React.FormEvent) => {
    e.preventDefault();
    if (effect !== 'none' && !logic) return setRefusal('条件を最後まで選んでください。');
    save(logic ? [...existing.filter((r) => r.effect !== logic.effect), logic] : null, `「${field.label || field.key}」の条件を反映しました。`);
  };

  return (
    <form className="builder-form" onSubmit={onSubmit} aria-labelledby="logic-title" noValidate>
      <h3 id="logic-title" className="builder-panel__title">
        条件（ほかの回答に応じて）
      </h3>
      {field.logicRules === 'custom' && <p className="field__hint">この項目には詳細な条件が設定されています。ここで反映すると置き換わります。</p>}
      {existing.length > 0 && (
        <ul className="builder-rules" data-testid="logic-rules">
          {existing.map((r) => (
            <li key={r.effect}>
              {describeLogic(r, label)}
              <button
                type="button"
                className="button button--secondary"
                onClick={() =>
                  save(
                    existing.filter((x) => x !== r),
                    `「${field.label || field.key}」の条件（${LOGIC_EFFECT_LABELS[r.effect]}）を解除しました。`,
                  )
                }
              >
                {LOGIC_EFFECT_LABELS[r.effect]}の条件を解除
              </button>
            </li>
          ))}
        </ul>
      )}
      {initial.nested && <p className="field__hint">入れ子の条件のうち、ここで表示できない部分は反映すると置き換わります。</p>}
      {refusal && (
        <p className="field__error" role="alert">
          {refusal}
        </p>
      )}
      <div className="field">
        <label htmlFor="logic-effect">条件を満たすとき</label>
        <select id="logic-effect" value={effect} onChange={(e) => chooseEffect(e.target.value as typeof effect)}>
          <option value="none">条件なし（すべて解除）</option>
          {(['show', 'require', 'message'] as const).map((k) => (
            <option key={k} value={k}>
              {LOGIC_EFFECT_LABELS[k]}
            </option>
          ))}
        </select>
      </div>
      {effect !== 'none' && candidates.length === 0 && <p className="field__hint">この項目より前に、条件に使える回答がありません。</p>}
      {effect !== 'none' && (
        <>
          {rows.map((row, i) => {
            const kind = infoOf(row.field)?.kind ?? 'text';
            const info = infoOf(row.field);
            const choices: Array<{ value: string; label: string }> =
              kind === 'yesNo'
                ? [
                    { value: 'true', label: 'はい' },
                    { value: 'false', label: 'いいえ' },
                  ]
                : (info?.options ?? []).map((o) => ({ value: JSON.stringify(o), label: o }));
            const n = i + 1;
            const dates = candidates.filter((c) => c.kind === 'date' && c.path !== row.field);
            return (
              <fieldset key={i} className="builder-fieldset">
                <legend>条件{n}</legend>
                <div className="builder-row">
                  <div className="field">
                    <label htmlFor={`logic-field-${i}`}>条件{n}の回答</label>
                    <select id={`logic-field-${i}`} value={row.field} onChange={(e) => update(i, { ...emptyRow(e.target.value, opsFor(infoOf(e.target.value)?.kind ?? 'text')[0]) })}>
                      <option value="">選んでください</option>
                      {groups.map((g) => (
                        <optgroup key={g} label={g}>
                          {candidates
                            .filter((c) => groupLabel(c, all, steps) === g)
                            .map((c) => (
                              <option key={c.path} value={c.path}>
                                {c.label || c.key}
                              </option>
                            ))}
                        </optgroup>
                      ))}
                    </select>
                  </div>
                  {row.field && (
                    <div className="field">
                      <label htmlFor={`logic-op-${i}`}>条件{n}の比べ方</label>
                      <select id={`logic-op-${i}`} value={row.op} onChange={(e) => update(i, { op: e.target.value as LeafOp })}>
                        {opsFor(kind).map((op) => (
                          <option key={op} value={op}>
                            {OP_LABELS[op]}
                          </option>
                        ))}
                      </select>
                    </div>
                  )}
                  {row.field && row.op === 'equals' && choices.length > 0 && (
                    <div className="field">
                      <label htmlFor={`logic-value-${i}`}>条件{n}の値</label>
                      <select id={`logic-value-${i}`} value={row.value} onChange={(e) => update(i, { value: e.target.value })}>
                        <option value="">選んでください</option>
                        {choices.map((c) => (
                          <option key={c.value} value={c.value}>
                            {c.label}
                          </option>
                        ))}
                      </select>
                    </div>
                  )}
                  {row.field && (row.op === 'gte' || row.op === 'lte' || (row.op === 'equals' && kind === 'number')) && (
                    <div className="field">
                      <label htmlFor={`logic-value-${i}`}>条件{n}の値</label>
                      <input id={`logic-value-${i}`} inputMode="numeric" value={row.value} onChange={(e) => update(i, { value: e.target.value })} />
                    </div>
                  )}
                  {row.op === 'between' && (
                    <>
                      <div className="field">
                        <label htmlFor={`logic-min-${i}`}>条件{n}の下限</label>
                        <input id={`logic-min-${i}`} inputMode="numeric" value={row.min} onChange={(e) => update(i, { min: e.target.value })} />
                      </div>
                      <div className="field">
                        <label htmlFor={`logic-max-${i}`}>条件{n}の上限</label>
                        <input id={`logic-max-${i}`} inputMode="numeric" value={row.max} onChange={(e) => update(i, { max: e.target.value })} />
                      </div>
                    </>
                  )}
                  {row.op.startsWith('date') && (
                    <div className="field">
                      <label htmlFor={`logic-date-${i}`}>条件{n}の比べる日</label>
                      <select id={`logic-date-${i}`} value={row.otherDate} onChange={(e) => update(i, { otherDate: e.target.value })}>
                        <option value="">今日</option>
                        {dates.map((d) => (
                          <option key={d.path} value={d.path}>
                            {d.label}
                          </option>
                        ))}
                      </select>
                    </div>
                  )}
                </div>
                {row.op === 'oneOf' && (
                  <fieldset className="builder-fieldset">
                    <legend>条件{n}の値（いずれか）</legend>
                    {choices.map((c) => (
                      <div className="checkbox" key={c.value}>
                        <input
                          id={`logic-values-${i}-${c.value}`}
                          type="checkbox"
                          checked={row.values.includes(c.value)}
                          onChange={(e) => update(i, { values: e.target.checked ? [...row.values, c.value] : row.values.filter((v) => v !== c.value) })}
                        />
                        <label htmlFor={`logic-values-${i}-${c.value}`}>{c.label}</label>
                      </div>
                    ))}
                  </fieldset>
                )}
                {rows.length > 1 && (
                  <button type="button" className="button button--secondary" onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}>
                    条件{n}を削除
                  </button>
                )}
              </fieldset>
            );
          })}
          {rows.length > 1 && (
            <fieldset className="builder-fieldset">
              <legend>複数の条件</legend>
              {(['all', 'any'] as const).map((j) => (
                <div className="checkbox" key={j}>
                  <input id={`logic-join-${j}`} type="radio" name="logic-join" checked={join === j} onChange={() => setJoin(j)} />
                  <label htmlFor={`logic-join-${j}`}>{j === 'all' ? 'すべて満たす' : 'いずれかを満たす'}</label>
                </div>
              ))}
            </fieldset>
          )}
          <button type="button" className="button button--secondary" onClick={() => setRows((rs) => [...rs, emptyRow()])}>
            条件を追加
          </button>
          {/* One above the other: beside its kind, the message box was too narrow to read what was typed. */}
          {effect === 'message' && (
            <>
              <div className="field">
                <label htmlFor="logic-level">メッセージの種類</label>
                <select id="logic-level" value={level} onChange={(e) => setLevel(e.target.value as typeof level)}>
                  <option value="info">お知らせ</option>
                  <option value="warning">注意</option>
                </select>
              </div>
              <div className="field">
                <label htmlFor="logic-note">住民に表示するメッセージ</label>
                <textarea id="logic-note" rows={3} value={noteText} onChange={(e) => setNoteText(e.target.value)} />
              </div>
            </>
          )}
        </>
      )}
      <p className="field__hint" aria-live="polite" data-testid="logic-words">
        {words}
      </p>
      <button type="submit" className="button button--primary">
        条件を反映
      </button>
    </form>
  );
}
