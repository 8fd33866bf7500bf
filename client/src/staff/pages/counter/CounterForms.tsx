/**
 * Filling in while talking: the shared part once, then each procedure's form
 * (the resident app's own renderer, widgets and validator, in a frame with
 * the resident styles), all questions of a form on one page so the clerk
 * moves through them with the keyboard. Opening a form and finishing it are
 * timed steps of the visit.
 */
import { useEffect, useMemo, useState } from 'react';
import { sharedAnswersSchema, type ProcedureDetail } from '@madoguchi/shared';
import { LanguageProvider } from '../../../common/i18n/LanguageContext';
import type { FormKit } from '../../../resident/apply/formKit';
import { ResidentFrame } from '../builder/ResidentFrame';
import type { VisitWork } from './useCounterVisit';
import { editForm, editShared, sharedIntoForms, sourceCounts, type Applied } from './counterWork';
import { useCounterText } from './counterMessages';
import { CounterReceptionNotice } from './CounterReceptionNotice';

export interface CounterFormsProps {
  /** The municipality whose desk this is (the places left are counted per municipality). */
  municipalityCode: string;
  details: ProcedureDetail[];
  work: VisitWork;
  finished: Set<string>;
  disabled: boolean;
  onChange: (update: (w: VisitWork) => VisitWork, immediately?: boolean) => void;
  onStarted: (procedureId: string) => void;
  onFinished: (procedureId: string) => void;
}

/** The resident form renderer, through the application page's module (see resident/apply/formKit.ts). */
function useFormKit(): FormKit | null {
  const [kit, setKit] = useState<FormKit | null>(null);
  useEffect(() => {
    void import('../../../resident/apply/ApplyPage').then((m) => m.loadFormKit()).then(setKit);
  }, []);
  return kit;
}

export function CounterForms({ municipalityCode, details, work, finished, disabled, onChange, onStarted, onFinished }: CounterFormsProps) {
  const t = useCounterText();
  const kit = useFormKit();
  const [open, setOpen] = useState<string | null>(null);
  const [applied, setApplied] = useState<Applied>({});
  const keys = useMemo(() => [...new Set(details.flatMap((d) => Object.keys(d.sharedAnswers ?? {})))], [details]);

  const pour = (w: VisitWork) => {
    const result = sharedIntoForms(w, details, applied);
    setApplied(result.applied);
    return result.work;
  };
  const openForm = (id: string) => {
    onChange(pour, true);
    setOpen(id);
    onStarted(id);
  };
  if (!kit) return <p role="status">{t('formsLoading')}</p>;
  const nextAfter = (id: string) => details.find((d) => d.procedure.id !== id && !finished.has(d.procedure.id))?.procedure.id ?? null;

  return (
    <div className="counter-forms">
      {keys.length > 0 && (
        <details className="counter-forms__shared" open={open === null}>
          <summary>{t('shared')}</summary>
          <p className="field__hint">{t('sharedHint')}</p>
          <SharedPartFrame
            kit={kit}
            keys={keys}
            data={work.shared as Record<string, unknown>}
            disabled={disabled}
            onData={(d) => onChange((w) => editShared(w, d))}
            onDone={() => onChange(pour, true)}
          />
        </details>
      )}
      <ol className="counter-forms__list">
        {details.map((d) => {
          const id = d.procedure.id;
          const counts = sourceCounts(work, id);
          return (
            <li key={id} className="counter-forms__item">
              <div className="counter-forms__head">
                <h3>{d.procedure.title}</h3>
                <span className={`counter-badge${finished.has(id) ? ' counter-badge--done' : ''}`}>{finished.has(id) ? t('procedureDone') : ''}</span>
                {counts.card + counts.prefill > 0 && <span className="field__hint">{t('source', counts)}</span>}
                {open !== id && (
                  <button type="button" className="button button--small" disabled={disabled} onClick={() => openForm(id)}>
                    {t('procedureOpen')}
                  </button>
                )}
              </div>
              {open === id && (
                <ProcedureFrame
                  kit={kit}
                  municipalityCode={municipalityCode}
                  detail={d}
                  data={work.answers[id] ?? {}}
                  onData={(data) => onChange((w) => editForm(w, id, data))}
                  onDone={() => {
                    onFinished(id);
                    const next = nextAfter(id);
                    if (next) openForm(next);
                    else setOpen(null);
                  }}
                />
              )}
            </li>
          );
        })}
      </ol>
    </div>
  );
}

function SharedPartFrame({
  kit,
  keys,
  data,
  disabled,
  onData,
  onDone,
}: {
  kit: FormKit;
  keys: string[];
  data: Record<string, unknown>;
  disabled: boolean;
  onData: (d: Record<string, unknown>) => void;
  onDone: () => void;
}) {
  const t = useCounterText();
  const schema = useMemo(() => sharedAnswersSchema(keys, 'ja'), [keys]);
  const validator = useMemo(() => new kit.SharedRjsfValidator(`counter-shared:${keys.join()}`, 'ja'), [kit, keys]);
  const { StepForm } = kit;
  // The shared part is not a procedure: a detail shaped like one lets it use the forms' renderer as it is.
  const detail = useMemo(() => ({ procedure: { attachments: [] }, version: { version: 1, schema, uiSchema: {} } }) as unknown as ProcedureDetail, [schema]);
  return (
    <div className="counter-form-frame">
      <ResidentFrame wide title={t('shared')}>
        <LanguageProvider fixed="ja">
          <main className="container main">
            <fieldset disabled={disabled} className="counter-fieldset">
              <StepForm
                detail={detail}
                uiSchema={{}}
                validator={validator}
                validateAll={(d) => validator.validateAll(schema, d)}
                step={{ title: t('shared'), fields: Object.keys(schema.properties ?? {}) }}
                nextLabel={t('saveShared')}
                data={data}
                onData={onData}
                onNext={onDone}
              />
            </fieldset>
          </main>
        </LanguageProvider>
      </ResidentFrame>
    </div>
  );
}

function ProcedureFrame({
  kit,
  municipalityCode,
  detail,
  data,
  onData,
  onDone,
}: {
  kit: FormKit;
  municipalityCode: string;
  detail: ProcedureDetail;
  data: Record<string, unknown>;
  onData: (d: Record<string, unknown>) => void;
  onDone: () => void;
}) {
  const t = useCounterText();
  const validator = useMemo(() => new kit.SharedRjsfValidator(`counter:${detail.procedure.id}:${detail.version.version}`, 'ja'), [kit, detail]);
  // Choices with a capacity read 残り／満員 as on the resident's form (the same widget and count).
  const uiSchema = useMemo(() => kit.prepareUiSchema(detail.version.uiSchema, detail.version.schema), [kit, detail]);
  const { capacity } = kit.useCapacity(municipalityCode, detail.procedure.id, detail.version.schema, 'ja');
  const fields = useMemo(() => kit.topLevelProperties(detail.version.schema), [kit, detail]);
  const { StepForm } = kit;
  return (
    <div className="counter-form-frame">
      <CounterReceptionNotice detail={detail} />
      <ResidentFrame wide title={detail.procedure.title}>
        <LanguageProvider fixed="ja">
          <main className="container main">
            <StepForm
              detail={detail}
              uiSchema={uiSchema as Record<string, unknown>}
              validator={validator}
              validateAll={(d) => validator.validateAll(detail.version.schema, d)}
              step={{ title: detail.procedure.title, fields }}
              nextLabel={t('finishProcedure')}
              data={data}
              onData={onData}
              onNext={onDone}
              {...(capacity ? { capacity } : {})}
            />
          </main>
        </LanguageProvider>
      </ResidentFrame>
    </div>
  );
}
