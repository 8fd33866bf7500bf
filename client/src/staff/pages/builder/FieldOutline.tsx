/**
 * The form's fields as a list (grouped by step): select a field to edit it,
 * move it with the ↑/↓ buttons, Alt+↑/Alt+↓, or by dragging, remove it.
 * Items the law requires are marked and cannot be removed.
 */
import { useEffect, useState, type DragEvent, type KeyboardEvent } from 'react';
import { FIELD_KIND_LABELS, describeLogic, flattenFields, isLocked, type FieldInfo, type FormStep, type LockedField } from '@madoguchi/shared';
import type { NewOp } from './useBuilder';
import { useConfirm } from '../../ui/ConfirmDialog';

interface Props {
  fields: FieldInfo[];
  steps: FormStep[] | undefined;
  selected: string | null;
  locks: LockedField[];
  onSelect: (path: string) => void;
  /** Applies edits; returns a refusal message or null. */
  apply: (...ops: NewOp[]) => string | null;
  onMessage: (message: string) => void;
}

type Move = NewOp | null;

/** The edit that moves a field one place up or down (across steps at the top level), or null at the edge. */
function moveOf(field: FieldInfo, siblings: string[], steps: FormStep[] | undefined, direction: -1 | 1): Move {
  if (field.parentPath === '' && steps?.length) {
    const s = steps.findIndex((st) => st.fields.includes(field.key));
    const list = steps[s]!.fields;
    const i = list.indexOf(field.key);
    if (direction === -1) {
      if (i >= 1) return { type: 'moveField', path: field.path, after: i >= 2 ? list[i - 2]! : null, step: s };
      return s > 0 ? { type: 'moveToStep', field: field.key, step: s - 1 } : null;
    }
    if (i < list.length - 1) return { type: 'moveField', path: field.path, after: list[i + 1]!, step: s };
    return s < steps.length - 1 ? { type: 'moveField', path: field.path, after: null, step: s + 1 } : null;
  }
  const i = siblings.indexOf(field.key);
  if (direction === -1) return i >= 1 ? { type: 'moveField', path: field.path, after: i >= 2 ? siblings[i - 2]! : null } : null;
  return i < siblings.length - 1 ? { type: 'moveField', path: field.path, after: siblings[i + 1]! } : null;
}

export function FieldOutline({ fields, steps, selected, locks, onSelect, apply, onMessage }: Props) {
  const [confirmDialog, confirm] = useConfirm();
  const [focus, setFocus] = useState<{ path: string; control: string } | null>(null);
  const [dragging, setDragging] = useState<FieldInfo | null>(null);
  const labels = new Map(flattenFields(fields).map((f) => [f.path, f.label]));

  useEffect(() => {
    if (!focus) return;
    const el = document.querySelector<HTMLElement>(`[data-path="${CSS.escape(focus.path)}"][data-control="${focus.control}"]`);
    (el && !(el as HTMLButtonElement).disabled ? el : document.querySelector<HTMLElement>(`[data-path="${CSS.escape(focus.path)}"][data-control="select"]`))?.focus();
    setFocus(null);
  }, [focus]);

  const run = (op: NewOp, field: FieldInfo, control: string, done: string) => {
    const refused = apply(op);
    onMessage(refused ?? done);
    if (!refused) setFocus({ path: field.path, control });
  };

  const move = (field: FieldInfo, siblings: string[], direction: -1 | 1, control: string) => {
    const op = moveOf(field, siblings, steps, direction);
    if (op) run(op, field, control, `「${field.label || field.key}」を${direction === -1 ? '上' : '下'}へ移動しました。`);
  };

  const row = (field: FieldInfo, siblings: string[]) => {
    const name = field.label || `（項目名なし：${field.key}）`;
    const lock = isLocked(locks, field.path);
    const up = moveOf(field, siblings, steps, -1);
    const down = moveOf(field, siblings, steps, 1);
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
        e.preventDefault();
        move(field, siblings, e.key === 'ArrowUp' ? -1 : 1, 'select');
      }
    };
    const onDrop = (e: DragEvent) => {
      e.preventDefault();
      if (dragging && dragging.parentPath === field.parentPath && dragging.path !== field.path) {
        run({ type: 'moveField', path: dragging.path, after: field.key }, dragging, 'select', `「${dragging.label}」を移動しました。`);
      }
      setDragging(null);
    };
    const kind = field.kind === 'custom' ? 'その他' : FIELD_KIND_LABELS[field.kind];
    // The rule in words (「この項目は「世帯人数」が3以上のとき表示」), as the diff says it.
    const ruleWords =
      field.logicRules === 'custom' ? '詳しい条件があります' : field.logicRules.length > 0 ? field.logicRules.map((r) => describeLogic(r, (p) => labels.get(p) || p)).join('。') : undefined;
    return (
      <li key={field.path}>
        <div className={`outline-row${selected === field.path ? ' is-selected' : ''}`} draggable onDragStart={() => setDragging(field)} onDragOver={(e) => e.preventDefault()} onDrop={onDrop}>
          <button
            type="button"
            className="outline-row__main"
            aria-pressed={selected === field.path}
            data-path={field.path}
            data-control="select"
            onClick={() => onSelect(field.path)}
            onKeyDown={onKeyDown}
          >
            <span className="outline-row__label">{name}</span>
            <span className="outline-row__meta">
              {kind}
              {field.required && <span className="badge badge--required">必須</span>}
              {field.logic && <span className="badge">条件付き</span>}
              {field.capacity && <span className="badge">定員あり</span>}
              {lock && (
                <span className="badge badge--locked" title={`法令で定められた項目です（${lock.provision}）`}>
                  法定
                </span>
              )}
            </span>
            {ruleWords && <span className="outline-row__condition">{ruleWords}</span>}
          </button>
          <button type="button" className="icon-button" data-path={field.path} data-control="up" aria-label={`「${name}」を上へ移動`} disabled={!up} onClick={() => move(field, siblings, -1, 'up')}>
            ↑
          </button>
          <button
            type="button"
            className="icon-button"
            data-path={field.path}
            data-control="down"
            aria-label={`「${name}」を下へ移動`}
            disabled={!down}
            onClick={() => move(field, siblings, 1, 'down')}
          >
            ↓
          </button>
          <button
            type="button"
            className="icon-button icon-button--danger"
            aria-label={lock ? `「${name}」は法令で定められた項目のため削除できません` : `「${name}」を削除`}
            disabled={!!lock}
            onClick={async () => {
              const inside = field.children?.length ?? 0;
              const ok = await confirm({
                title: `「${name}」を削除しますか`,
                body: (
                  <p>
                    {inside > 0 && `中の${inside}項目も一緒に削除されます。`}
                    次に公開する版から、住民の申請画面にこの項目は表示されなくなります。すでに受け付けた申請の回答は、そのまま残ります。削除した直後なら「元に戻す」（Ctrl+Z）で戻せます。
                  </p>
                ),
                action: '削除する',
              });
              if (!ok) return;
              const refused = apply({ type: 'removeField', path: field.path });
              onMessage(refused ?? `「${name}」を削除しました。元に戻すには「元に戻す」（Ctrl+Z）を押してください。`);
            }}
          >
            削除
          </button>
        </div>
        {field.children && field.children.length > 0 && (
          <ul className="outline">
            {field.children.map((c) =>
              row(
                c,
                field.children!.map((x) => x.key),
              ),
            )}
          </ul>
        )}
      </li>
    );
  };

  if (fields.length === 0) return <p className="builder-empty">まだ項目がありません。「項目を追加」から追加してください。</p>;
  const top = fields.map((f) => f.key);
  if (!steps?.length)
    return (
      <>
        {confirmDialog}
        <ul className="outline">{fields.map((f) => row(f, top))}</ul>
      </>
    );
  return (
    <>
      {confirmDialog}
      {steps.map((step, i) => (
        <section key={`${i}-${step.title}`} aria-label={`ステップ${i + 1}：${step.title}`} className="outline-step">
          <h3 className="outline-step__title">
            ステップ{i + 1}：{step.title || '（名前なし）'}
          </h3>
          <ul className="outline">
            {step.fields
              .map((k) => fields.find((f) => f.key === k))
              .filter((f): f is FieldInfo => !!f)
              .map((f) => row(f, top))}
          </ul>
        </section>
      ))}
    </>
  );
}
