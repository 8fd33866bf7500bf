/**
 * The form exactly as residents get it: the resident app's own step form,
 * widgets, templates and validator (client/src/resident/**), fed the document
 * being built. Rendered inside the preview frame, with the resident styles.
 */
import { Component, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { FormDocument, ProcedureDetail } from '@madoguchi/shared';
import { StepForm } from '../../../resident/apply/StepForm';
import { StepProgress } from '../../../resident/apply/StepProgress';
import { prepareUiSchema } from '../../../resident/apply/prepareUiSchema';
import { stepsOf } from '../../../resident/apply/steps';
import { SharedRjsfValidator } from '../../../resident/form/sharedRjsfValidator';
import { BrowserValidator } from '../../../resident/form/evalFree/browserValidator';
import { untakenAvailability } from '../../../resident/form/capacity';
import { LanguageProvider } from '../../../common/i18n/LanguageContext';

/** The preview's own validator cache: every edit is a new "version", so the resident cache is left alone. */
const previewValidator = new BrowserValidator();
let previewSerial = 0;

class PreviewBoundary extends Component<{ children: ReactNode; resetKey: unknown }, { error: string | null; key: unknown }> {
  override state = { error: null as string | null, key: undefined as unknown };
  static getDerivedStateFromError(error: Error) {
    return { error: error.message };
  }
  static getDerivedStateFromProps(props: { resetKey: unknown }, state: { key: unknown }) {
    return props.resetKey !== state.key ? { error: null, key: props.resetKey } : null;
  }
  override render() {
    if (this.state.error) return <p className="notice notice--error">この内容ではプレビューを表示できません（{this.state.error}）。「公開前の確認」を見てください。</p>;
    return this.props.children;
  }
}

/** The resident form for `doc`, step by step; `step` and `focusPath` follow the field being edited. */
export function ResidentPreview({ doc, step: requestedStep, focusPath }: { doc: FormDocument; step?: number; focusPath?: string }) {
  // A new validator cache key whenever the document changes (the validator caches compiled schemas by key).
  const key = useMemo(() => `preview:${doc.procedure.id}:${++previewSerial}`, [doc]);
  const validator = useMemo(() => new SharedRjsfValidator(key, 'ja', previewValidator), [key]);
  // Limited choices read 残りN as residents will see them (the capacity widget), counted as if nobody had applied yet.
  const uiSchema = useMemo(() => prepareUiSchema(doc.uiSchema, doc.schema), [doc.uiSchema, doc.schema]);
  const capacity = useMemo(() => {
    const untaken = untakenAvailability(doc.schema, doc.procedure.id);
    return untaken.fields.length ? untaken : undefined;
  }, [doc.schema, doc.procedure.id]);
  const steps = useMemo(() => stepsOf(doc.schema, doc.uiSchema, 'ja', doc.procedure.title), [doc]);
  const [index, setIndex] = useState(0);
  const [data, setData] = useState<Record<string, unknown>>({});
  const [finished, setFinished] = useState(false);
  useEffect(() => {
    if (requestedStep !== undefined && requestedStep >= 0) {
      setIndex(requestedStep);
      setFinished(false);
    }
  }, [requestedStep]);
  const current = Math.min(index, steps.length - 1);
  const main = useRef<HTMLElement>(null);
  // Bring the field being edited into view (RJSF ids are root_<path joined by _>).
  useEffect(() => {
    if (!focusPath) return;
    const id = `root_${focusPath.replace(/\./g, '_')}`;
    const doc = main.current?.ownerDocument;
    const el = doc?.getElementById(id) ?? doc?.querySelector(`[id^="${id}"]`);
    const win = doc?.defaultView;
    // scrollIntoView would scroll the console page too; scroll the frame only.
    if (el && win) win.scrollTo({ top: el.getBoundingClientRect().top + win.scrollY - win.innerHeight / 3 });
  }, [focusPath, current, doc]);
  const detail: ProcedureDetail = { procedure: doc.procedure, version: { version: 0, schema: doc.schema, uiSchema: doc.uiSchema } };
  const labels = [...steps.map((s) => s.title), ...(doc.procedure.attachments.length ? ['添付書類'] : []), '入力内容の確認'];
  const validateAll = (d: unknown) => validator.validateAll(doc.schema, d);

  // The form is previewed in Japanese, as its texts are written, whatever the console's language.
  return (
    <LanguageProvider fixed="ja">
      <main className="container main" ref={main}>
        <p className="caption">{doc.procedure.title}</p>
        <StepProgress labels={labels} current={finished ? labels.length - 1 : current} />
        <h1 className="page-title">{finished ? '入力内容の確認' : steps[current]?.title}</h1>
        {!finished && capacity?.fields.some((f) => steps[current]?.fields.includes(f.path.split('.')[0]!)) && (
          <p className="field__hint">プレビューでは、定員のある選択肢に定員の数をそのまま「残り」として表示しています（申込みの数は数えません）。</p>
        )}
        {finished ? (
          <div className="notice">
            <p>入力内容に誤りはありません。プレビューのため、添付・確認・送信の画面はここまでです。</p>
            <button type="button" className="button button--secondary" onClick={() => setFinished(false)}>
              入力に戻る
            </button>
          </div>
        ) : (
          <PreviewBoundary resetKey={doc}>
            <StepForm
              key={`${key}-${current}`}
              detail={detail}
              uiSchema={uiSchema}
              validator={validator}
              validateAll={validateAll}
              step={steps[current]!}
              nextLabel={current === steps.length - 1 ? (doc.procedure.attachments.length ? '添付書類へ進む' : '入力内容を確認する') : '次へ進む'}
              data={data}
              onData={setData}
              onNext={() => (current === steps.length - 1 ? setFinished(true) : setIndex(current + 1))}
              {...(capacity ? { capacity } : {})}
              {...(current > 0 ? { onBack: () => setIndex(current - 1) } : {})}
            />
          </PreviewBoundary>
        )}
      </main>
    </LanguageProvider>
  );
}
