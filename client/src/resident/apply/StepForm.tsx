/**
 * One step of the form: the whole RJSF form, showing only this step's
 * questions. 「次へ」 checks this step with the shared validator; errors show
 * at each field and in a summary that takes focus. Nothing typed is dropped.
 */
import { Suspense, lazy, useEffect, useMemo, useRef, useState } from 'react';
import Form, { type IChangeEvent } from '@rjsf/core';
import type { RJSFSchema } from '@rjsf/utils';
import { toErrorSchema, type CapacityAvailability, type FieldError, type ProcedureDetail } from '@madoguchi/shared';
import { useLanguage } from '../../common/i18n/LanguageContext';
import { residentPostalLookup, type PostalLookup } from '../../common/postal/lookupAddress';
import { residentFields, residentTemplates, residentWidgets } from '../form/registry';
import { rjsfTranslator } from '../form/translateString';
import { RESIDENT_DEFAULTS_BEHAVIOR } from '../form/defaultsBehavior';
import type { ResidentFormContext } from '../form/formContext';
import type { SharedRjsfValidator } from '../form/sharedRjsfValidator';
import { calcRuntimeFor, useCalcRuntime } from '../form/calcRuntime';
import { Loading } from '../../common/StatusMessages';
import { ErrorSummary } from './ErrorSummary';
import { focusField, pointerSegments, type StepView } from './steps';
import { toSummaryErrors } from './summaryErrors';

// Follow-up procedures of a disaster: the damage level from an issued 罹災証明書 (its own chunk, on that step only).
const CertificateLookup = lazy(() => import('../certificate/CertificateLookup'));

export interface StepFormProps {
  detail: ProcedureDetail;
  uiSchema: Record<string, unknown>;
  validator: SharedRjsfValidator;
  /** Validates all answers with the shared validator (in the resident's language). */
  validateAll: (data: unknown) => FieldError[];
  step: StepView;
  /** The primary button's words: where it leads (「次へ進む」, 「添付書類へ進む」, 「入力内容を確認する」, 「確認画面に戻る」). */
  nextLabel: string;
  data: Record<string, unknown>;
  onData: (data: Record<string, unknown>) => void;
  onNext: () => void;
  onBack?: () => void;
  /** Field id to focus once shown (from a 「変更する」 link). */
  focusId?: string;
  postalLookup?: PostalLookup;
  /** Places left per option of fields with a capacity (issue #22). */
  capacity?: CapacityAvailability;
}

export function StepForm(props: StepFormProps) {
  const { detail, uiSchema, validator, validateAll, step, nextLabel, data, onData, onNext, onBack, focusId, postalLookup = residentPostalLookup, capacity } = props;
  const { t, language } = useLanguage();
  const [errors, setErrors] = useState<FieldError[]>([]);
  const attempted = useRef(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const [focusSummary, setFocusSummary] = useState(0);
  const schema = detail.version.schema as RJSFSchema;

  // Calculated values (x-calc) follow every keystroke, computed by the same module intake runs. Its runtime is
  // fetched only for forms that calculate; the application page waits for it, other users of the step form here.
  const calcReady = useCalcRuntime(detail.version.schema);
  const calc = useMemo(() => (calcReady ? calcRuntimeFor(detail.version.schema) : undefined), [calcReady, detail.version.schema]);
  const calculate = (d: Record<string, unknown>) => (calc ? (calc.applyCalculations(detail.version.schema, d).data as Record<string, unknown>) : d);
  const computed = useMemo(() => calc?.applyCalculations(detail.version.schema, data), [calc, detail.version.schema, data]);
  const shown = (computed?.data as Record<string, unknown> | undefined) ?? data;
  const calcProblems = useMemo(() => (computed ? Object.fromEntries(computed.problems.map((p) => [p.pointer, p.message[language === 'en' ? 'en' : 'ja']])) : undefined), [computed, language]);

  const stepErrors = (d: unknown) => validateAll(d).filter((e) => step.fields.includes(pointerSegments(e.pointer)[0] ?? ''));
  const formContext = useMemo<ResidentFormContext>(
    () => ({ language, stepFields: step.fields, postalLookup, ...(capacity ? { capacity } : {}), ...(calcProblems ? { calcProblems } : {}) }),
    [language, step.fields, postalLookup, capacity, calcProblems],
  );
  const translateString = useMemo(() => rjsfTranslator(language), [language]);
  const extraErrors = useMemo(() => (errors.length ? (toErrorSchema(errors) as never) : undefined), [errors]);

  useEffect(() => {
    if (focusSummary) summaryRef.current?.focus();
  }, [focusSummary]);
  useEffect(() => {
    if (focusId) window.setTimeout(() => focusField(focusId), 0);
  }, [focusId]);

  const onChange = (event: IChangeEvent) => {
    const next = calculate((event.formData ?? {}) as Record<string, unknown>);
    onData(next);
    // After a failed attempt, errors clear as the resident fixes them.
    if (attempted.current) setErrors(stepErrors(next));
  };
  const onSubmit = (event: IChangeEvent) => {
    const submitted = calculate((event.formData ?? {}) as Record<string, unknown>);
    onData(submitted);
    const found = stepErrors(submitted);
    attempted.current = true;
    setErrors(found);
    if (found.length) setFocusSummary((n) => n + 1);
    else onNext();
  };

  if (!calcReady) return <Loading />;
  const summary = toSummaryErrors(errors, detail.version.schema, detail.procedure.attachments, language);
  return (
    <>
      <ErrorSummary ref={summaryRef} errors={summary} onSelect={(e) => focusField(e.href.slice(1))} />
      {step.fields.includes('risaiCertificate') && (
        <Suspense>
          <CertificateLookup data={data} onData={onData} />
        </Suspense>
      )}
      <Form
        schema={schema}
        uiSchema={uiSchema}
        formData={shown}
        validator={validator}
        widgets={residentWidgets}
        templates={residentTemplates}
        fields={residentFields}
        formContext={formContext}
        translateString={translateString}
        experimental_defaultFormStateBehavior={RESIDENT_DEFAULTS_BEHAVIOR}
        noValidate
        noHtml5Validate
        showErrorList={false}
        extraErrors={extraErrors}
        onChange={onChange}
        onSubmit={onSubmit}
        className="resident-form"
      >
        <div className="step-nav">
          <button type="submit" className="button button--primary button--wide">
            {nextLabel}
          </button>
          {onBack && (
            <button type="button" className="button button--secondary" onClick={onBack}>
              {t('apply.back')}
            </button>
          )}
        </div>
      </Form>
    </>
  );
}
