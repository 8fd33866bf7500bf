/**
 * The builder's frame, shared by the three kinds of editing (an adopted
 * preset, an own procedure, a preset template): the field list, the panels
 * (fields, steps, procedure, attachments, checks and publishing, edits), the
 * live preview, undo/redo (buttons and Ctrl+Z / Ctrl+Y), the save status and
 * a live region that tells screen-reader users what each action did.
 */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { Link } from 'react-router';
import {
  CONTAINER_KINDS,
  checkDraftStructure,
  describeFields,
  finalizeDocument,
  flattenFields,
  stepsOf,
  type DraftProblem,
  type FieldKind,
  type LockedField,
  type PresetSignature,
  type Procedure,
} from '@madoguchi/shared';
import type { Builder } from './useBuilder';
import type { SaveStatus } from './useAutosave';
import { FieldOutline } from './FieldOutline';
import { AddFieldForm } from './AddFieldForm';
import { FieldEditor } from './FieldEditor';
import { LogicEditor } from './LogicEditor';
import { CapacityEditor, offersCapacity } from './CapacityEditor';
import { StepsPanel } from './StepsPanel';
import { ProcedurePanel } from './ProcedurePanel';
import { AttachmentsPanel } from './AttachmentsPanel';
import { LookupTablesPanel } from './LookupTablesPanel';
import { ChecksPanel } from './ChecksPanel';
import { EditsList } from './EditsList';
import { PreviewFrame } from './PreviewFrame';
import { Tabs } from './Tabs';
import { NamingPanel } from './NamingPanel';
import './builder.css';

/** What a kind of editing gives the builder frame. */
export interface BuilderShellProps {
  heading: string;
  /** What kind of editing this is, and notices (an update waiting …). */
  intro?: ReactNode;
  builder: Builder;
  owner: string;
  basedOn?: Procedure['basedOn'];
  locks: LockedField[];
  presetSignature?: PresetSignature;
  lockedAttachmentIds: string[];
  save: { status: SaveStatus; error: string | null };
  /** The publishing controls of this kind of editing, given how many problems the checks found. */
  publish: (problems: number) => ReactNode;
  /** Show the list of edits (layers over a preset). */
  showEdits: boolean;
  /**
   * The server's findings from the last save: the metadata meta-schema and the
   * ajv compile, which this page (strict CSP, no eval) cannot run itself.
   */
  serverProblems: DraftProblem[];
  /** The procedure's 定員と予約状況 page, once a version is published (the builder links to it). */
  capacityHref?: string | undefined;
}

const SAVE_TEXT: Record<SaveStatus, string> = { saved: '保存済み', pending: '未保存の変更あり', saving: '保存中…', error: '保存できませんでした' };

/** The builder frame (see the file comment). */
export function BuilderShell(props: BuilderShellProps) {
  const { builder, owner, basedOn, locks } = props;
  const [selected, setSelected] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const [wide, setWide] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  // A new page: start at its top, and let screen readers hear where they are.
  useEffect(() => {
    window.scrollTo(0, 0);
    headingRef.current?.focus();
  }, []);
  const finalDoc = useMemo(() => finalizeDocument(builder.document, owner, basedOn), [builder.document, owner, basedOn]);
  const tree = useMemo(() => describeFields(builder.document), [builder.document]);
  const all = useMemo(() => flattenFields(tree), [tree]);
  const problems = useMemo(() => {
    const local = checkDraftStructure(finalDoc);
    const fromServer = props.serverProblems.filter((p) => /^(procedure|schema|uiSchema)/.test(p.where) && !local.some((l) => l.message === p.message));
    return [...local, ...fromServer];
  }, [finalDoc, props.serverProblems]);
  const steps = stepsOf(builder.document);
  const field = all.find((f) => f.path === selected) ?? null;
  const containers = all.filter((f) => CONTAINER_KINDS.includes(f.kind as FieldKind));
  const topKey = field?.path.split('.')[0];
  const previewStep = steps && topKey ? steps.findIndex((s) => s.fields.includes(topKey)) : undefined;

  const onKeyDown = (e: KeyboardEvent) => {
    const inText = (e.target as HTMLElement).closest('input, textarea, select');
    if (inText || !(e.ctrlKey || e.metaKey)) return;
    const key = e.key.toLowerCase();
    if (key === 'z' && !e.shiftKey && builder.canUndo) {
      e.preventDefault();
      undo();
    } else if (((key === 'z' && e.shiftKey) || key === 'y') && builder.canRedo) {
      e.preventDefault();
      redo();
    }
  };
  const undo = () => {
    builder.undo();
    setMessage('元に戻しました。');
  };
  const redo = () => {
    builder.redo();
    setMessage('やり直しました。');
  };
  const onAdded = (path: string, label: string) => {
    setSelected(path);
    setMessage(`「${label}」を追加しました。`);
  };

  const tabs = [
    {
      id: 'fields',
      label: '項目',
      content: (
        <>
          {field && (
            <FieldEditor
              key={`${field.path}:${builder.change}`}
              field={field}
              steps={steps}
              locks={locks}
              overPreset={props.showEdits}
              doc={builder.document}
              apply={builder.apply}
              onMessage={setMessage}
            />
          )}
          {field && offersCapacity(field, all) && (
            <CapacityEditor key={`capacity:${field.path}:${builder.change}`} field={field} all={all} capacityHref={props.capacityHref} apply={builder.apply} onMessage={setMessage} />
          )}
          {field && !field.sensitiveLocked && <LogicEditor key={`logic:${field.path}:${builder.change}`} field={field} all={all} steps={steps} apply={builder.apply} onMessage={setMessage} />}
          <AddFieldForm doc={builder.document} selected={field} containers={containers} apply={builder.apply} onAdded={onAdded} />
        </>
      ),
    },
    { id: 'steps', label: 'ステップ', content: <StepsPanel steps={steps} apply={builder.apply} onMessage={setMessage} /> },
    {
      id: 'procedure',
      label: '手続の情報',
      content: <ProcedurePanel procedure={builder.document.procedure} {...(props.presetSignature ? { presetSignature: props.presetSignature } : {})} apply={builder.apply} onMessage={setMessage} />,
    },
    {
      id: 'attachments',
      label: '添付書類',
      content: <AttachmentsPanel attachments={builder.document.procedure.attachments} fields={tree} lockedIds={props.lockedAttachmentIds} apply={builder.apply} onMessage={setMessage} />,
    },
    { id: 'tables', label: '計算用の表', content: <LookupTablesPanel doc={builder.document} apply={builder.apply} onMessage={setMessage} /> },
    {
      id: 'publish',
      label: `確認と公開${problems.length ? `（${problems.length}件）` : ''}`,
      content: (
        <>
          <ChecksPanel problems={problems} onSelect={setSelected} />
          {props.publish(problems.length)}
          {props.capacityHref && all.some((f) => f.capacity) && (
            <p className="field__hint">
              定員のある選択肢の予約数は <Link to={props.capacityHref}>定員と予約状況</Link> で確認でき、定員を増やすこともできます。
            </p>
          )}
        </>
      ),
    },
    ...(props.showEdits ? [{ id: 'edits', label: `変更の一覧（${builder.ops.length}）`, content: <EditsList base={builder.base} ops={builder.ops} /> }] : []),
  ];

  return (
    <div className="builder" onKeyDown={onKeyDown}>
      <div className="builder__head">
        <h1 ref={headingRef} tabIndex={-1}>
          {props.heading}
        </h1>
        {props.intro}
        <div className="builder-toolbar" role="toolbar" aria-label="編集の操作">
          <button type="button" className="button" disabled={!builder.canUndo} onClick={undo} aria-keyshortcuts="Control+Z">
            元に戻す
          </button>
          <button type="button" className="button" disabled={!builder.canRedo} onClick={redo} aria-keyshortcuts="Control+Y">
            やり直す
          </button>
          <span className={`save-status save-status--${props.save.status}`} role="status">
            {SAVE_TEXT[props.save.status]}
            {props.save.error ? `：${props.save.error}` : ''}
          </span>
        </div>
        <p className="builder-message" aria-live="polite">
          {message}
        </p>
      </div>
      <div className="builder__body">
        <section className="builder__outline" aria-labelledby="outline-title">
          <h2 id="outline-title" className="builder-panel__title">
            フォームの項目
          </h2>
          <p className="field__hint">項目を選ぶと右で設定できます。Alt+↑／↓でも並べ替えられます。</p>
          <FieldOutline fields={tree} steps={steps} selected={selected} locks={locks} onSelect={setSelected} apply={builder.apply} onMessage={setMessage} />
        </section>
        <div className="builder__panels">
          <NamingPanel doc={builder.document} fields={all} apply={builder.apply} onMessage={setMessage} onSelect={setSelected} />
          <Tabs label="編集するもの" tabs={tabs} />
        </div>
        <section className="builder__preview" aria-labelledby="preview-title">
          <div className="builder-preview__head">
            <h2 id="preview-title" className="builder-panel__title">
              プレビュー
            </h2>
            <button type="button" className="button button--small" aria-pressed={wide} onClick={() => setWide(!wide)}>
              {wide ? 'スマートフォンの幅で表示' : 'パソコンの幅で表示'}
            </button>
          </div>
          <PreviewFrame doc={finalDoc} wide={wide} {...(previewStep !== undefined && previewStep >= 0 ? { step: previewStep } : {})} {...(selected ? { focusPath: selected } : {})} />
        </section>
      </div>
    </div>
  );
}
