/**
 * The application, step by step: the form's steps, the attachments, the
 * review, then submission. The step is in the URL (`?step=2`, `files`,
 * `review`), so the browser's Back button goes back one step. A long form
 * (see `usesOverview`) starts at its overview (`?step=overview`): every
 * section with its state, each section returning there when done.
 */
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { createSchemaUtils, type RJSFSchema } from '@rjsf/utils';
import { attachmentsFor, versionKey, type CardIdentity, type FieldError, type Municipality, type ProcedureDetail } from '@madoguchi/shared';
import { useLanguage } from '../../common/i18n/LanguageContext';
import { PageHeading } from '../../common/PageHeading';
import { deleteDraft } from '../../common/api/residentApi';
import { SharedRjsfValidator } from '../form/sharedRjsfValidator';
import { RESIDENT_DEFAULTS_BEHAVIOR } from '../form/defaultsBehavior';
import { loadReceipt, saveReceipt, forgetReceipt } from '../done/receiptStore';
import { loadLocalDraft } from './localDraft';
import { attachmentIds } from './localDraft';
import { prepareUiSchema } from './prepareUiSchema';
import { useCapacity } from './useCapacity';
import { fullChoiceErrors } from '../form/capacity';
import { ResumeLinkPanel, syncRemoteDraft } from './ResumeLinkPanel';
import { StepForm } from './StepForm';
import { StepProgress } from './StepProgress';
import { stepOfPointer, stepsOf, usesOverview } from './steps';
import { toSummaryErrors } from './summaryErrors';
import type { SummaryError } from './ErrorSummary';
import { useApplicationDraft } from './useApplicationDraft';
import { useSubmit } from './useSubmit';
import type { BusyState } from './BusyRetryPanel';
import { getCardState } from '../card/cardApi';
import type { CardState } from '../card/CardBridge';

// The attachments and review steps (file upload, the answer list) load when the resident gets there, so the
// form's first step does not wait for them; leaving any step starts fetching both (see `goTo`). There is no
// Suspense boundary of their own: step changes are router transitions, so React keeps showing the step the
// resident is leaving until the next one is ready, and the new heading and its step appear together as before.
const loadAttachmentsStep = () => import('../attachments/AttachmentsStep');
const loadReviewStep = () => import('./ReviewStep');
const AttachmentsStep = lazy(() => loadAttachmentsStep().then((m) => ({ default: m.AttachmentsStep })));
const ReviewStep = lazy(() => loadReviewStep().then((m) => ({ default: m.ReviewStep })));
// The My Number Card's part of the form loads only where the municipality offers the card.
const CardBridge = lazy(() => import('../card/CardBridge'));
// A form filled in as part of a one-stop bundle: the shared answers and the way back to the bundle.
const BundleBanner = lazy(() => import('../bundle/BundleBanner'));
// A long form's overview and the gate in front of its check page (with the task list and its words).
const loadOverview = () => import('./FormOverview');
const FormOverview = lazy(() => loadOverview().then((m) => ({ default: m.FormOverview })));
const ReviewGate = lazy(() => loadOverview().then((m) => ({ default: m.ReviewGate })));
const prefetchLaterSteps = () => {
  loadAttachmentsStep().catch(() => undefined);
  loadReviewStep().catch(() => undefined);
};

interface Props {
  detail: ProcedureDetail;
  municipality: Municipality;
  /** Called when the server says the form changed since it was loaded. */
  onVersionChanged: (message: string) => void;
  notice?: string;
}

export function ApplyFlow({ detail, municipality, onVersionChanged, notice: outerNotice }: Props) {
  const { t, language } = useLanguage();
  const navigate = useNavigate();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const { procedure, version } = detail;
  const schema = version.schema as RJSFSchema;
  // The attachments as this municipality's signature policy requires them (an identity document when nobody signs).
  const attachments = useMemo(() => attachmentsFor(procedure), [procedure]);
  const key = versionKey(procedure.owner, procedure.id, version.version);
  const validator = useMemo(() => new SharedRjsfValidator(key, language), [key, language]);
  const utils = useMemo(() => createSchemaUtils(validator, schema, RESIDENT_DEFAULTS_BEHAVIOR), [validator, schema]);
  const preparedUi = useMemo(() => prepareUiSchema(version.uiSchema, version.schema), [version.uiSchema, version.schema]);
  const title = language === 'en' && procedure.titleEn ? procedure.titleEn : procedure.title;
  const steps = useMemo(() => stepsOf(version.schema, version.uiSchema, language, title), [version, language, title]);
  const hasFiles = attachments.length > 0;
  const { draft, setData, updateFiles, setRemote, discard } = useApplicationDraft(
    municipality.code,
    procedure.id,
    version.version,
    (d) => utils.getDefaultFormState(schema, d) as Record<string, unknown>,
  );
  const { submit, submitting } = useSubmit(municipality.code, procedure.id, language);
  const { capacity, refreshCapacity } = useCapacity(municipality.code, procedure.id, version.schema, language);
  // null: the municipality does not offer the card (or the question failed: the form works without it).
  const [cardOffer, setCardOffer] = useState<{ identity: CardIdentity | null } | null>(null);
  const [card, setCard] = useState<CardState | null>(null);
  useEffect(() => {
    getCardState(language, municipality.code).then(
      (s) => setCardOffer(s.available ? { identity: s.identity } : null),
      () => undefined,
    );
  }, []); // eslint-disable-line react-hooks/exhaustive-deps
  const markUi = card?.markUi;
  const uiSchema = useMemo(() => (markUi ? markUi(preparedUi) : preparedUi), [markUi, preparedUi]);
  const [problems, setProblems] = useState<SummaryError[]>([]);
  const [notice, setNotice] = useState<string | undefined>(outerNotice);
  // The server's 409 reception_closed: its own notice (when it opens next), the draft kept for then.
  const [receptionClosed, setReceptionClosed] = useState<string>();
  const cardNotice = card?.error;
  const [failedAttempt, setFailedAttempt] = useState(0);
  const [serverFileErrors, setServerFileErrors] = useState<FieldError[]>([]);
  // Not sent because the server was busy or the connection failed: the check page offers (and counts down to) a retry.
  const [busy, setBusy] = useState<BusyState>();

  // Browser Back after sending lands here with the draft gone: say it was sent, never invite a second submission.
  const [sentReceipt, setSentReceipt] = useState(() => (loadLocalDraft(municipality.code, procedure.id) ? null : loadReceipt(municipality.code, procedure.id)));
  const longForm = usesOverview(steps.length);
  const stepParam = params.get('step') ?? (longForm ? 'overview' : '1');
  const onOverview = longForm && stepParam === 'overview';
  // A form of a one-stop bundle lives under the bundle's address (/m/:code/bundle/p/:id).
  const inBundle = location.pathname.includes('/bundle/');
  // Set by 「変更する」 on the check page: after the change the resident goes straight back there.
  const returnToReview = params.get('return') === 'review';
  // -1: the overview of a long form.
  const index = onOverview ? -1 : stepParam === 'review' ? steps.length + 1 : stepParam === 'files' ? steps.length : Math.min(Math.max(Number(stepParam) - 1 || 0, 0), steps.length - 1);
  const focusId = (location.state as { focusId?: string } | null)?.focusId;
  // The validator's problems, and a chosen option that has no place left (as the count says now).
  const validateAll = (data: unknown) => [...validator.validateAll(schema, data), ...fullChoiceErrors(capacity, version.schema, data, language)];

  const stepValue = (target: number | 'files' | 'review' | 'overview') => (typeof target === 'number' ? String(target + 1) : target);
  /** `target`: a step index, `files`, `review` or `overview`; `fromReview`: a change asked for on the check page. */
  const goTo = (target: number | 'files' | 'review' | 'overview', fieldId?: string, fromReview = false) => {
    const value = stepValue(target);
    prefetchLaterSteps();
    setParams({ step: value, ...(fromReview ? { return: 'review' } : {}) }, { state: fieldId ? { focusId: fieldId } : null });
    if (!fieldId) window.scrollTo(0, 0);
  };
  const afterForm = hasFiles ? 'files' : 'review';
  // A resume link opens where the resident stopped: the first step with an unanswered or wrong answer,
  // or, when every question is answered, the attachments (or the check page); a long form, its overview.
  useEffect(() => {
    if (stepParam !== 'continue') return;
    if (longForm) return setParams({ step: 'overview' }, { replace: true });
    const pending = validateAll(draft.data)
      .map((e) => stepOfPointer(steps, e.pointer))
      .filter((i) => i >= 0);
    const target = pending.length ? Math.min(...pending) : afterForm;
    setParams({ step: stepValue(target) }, { replace: true });
  }, [stepParam]); // eslint-disable-line react-hooks/exhaustive-deps
  // Keep the resume link's copy current as the resident moves on.
  useEffect(() => {
    syncRemoteDraft(draft, language).catch(() => undefined);
    refreshCapacity();
  }, [stepParam]); // eslint-disable-line react-hooks/exhaustive-deps

  const stepOfError = (pointer: string) => (pointer.startsWith('/attachments/') ? 'files' : Math.max(stepOfPointer(steps, pointer), 0));
  const showProblems = (fields: FieldError[]) => {
    setProblems(toSummaryErrors(fields, version.schema, attachments, language));
    setServerFileErrors(fields.filter((f) => f.pointer.startsWith('/attachments/')));
    setFailedAttempt((n) => n + 1);
  };

  const onSubmit = async () => {
    setNotice(undefined);
    setReceptionClosed(undefined);
    // Both modules come with the review step, which is the only place submitting starts from.
    const checks = await Promise.all([import('./reviewModel'), import('../attachments/attachmentChecks')]).catch(() => null);
    if (!checks) {
      setNotice(t('error.network'));
      setFailedAttempt((n) => n + 1);
      return;
    }
    const [{ pruneToShown, withoutHidden }, { attachmentErrors }] = checks;
    const data = withoutHidden(schema, pruneToShown(utils, schema, draft.data)) as Record<string, unknown>;
    const found = [...validateAll(data), ...attachmentErrors(attachments, data, draft.attachments, language)];
    if (found.length) return showProblems(found);
    const body = { data, attachments: attachmentIds(draft.attachments), uploadToken: draft.uploadToken, formVersion: version.version, ...(card?.signature ? { signature: card.signature } : {}) };
    // In a bundle the checked answers wait in the bundle's list, to be sent with the others.
    if (inBundle && (await import('../bundle/bundleMode')).confirmInBundle(municipality.code, procedure.id, body)) return navigate(`/m/${municipality.code}/bundle`);
    const outcome = await submit({ ...body, language });
    if (!outcome) return;
    if (outcome.kind === 'busy') return setBusy((b) => ({ offline: outcome.offline, retryAfterSeconds: outcome.retryAfterSeconds, attempt: (b?.attempt ?? 0) + 1 }));
    setBusy(undefined);
    if (outcome.kind === 'sent') {
      saveReceipt({ ...outcome.response, municipalityCode: municipality.code, municipalityName: municipality.name, procedureTitle: procedure.title });
      if (draft.remote) deleteDraft(draft.remote.draftId, draft.remote.secret, language).catch(() => undefined);
      discard();
      card?.forget();
      navigate(`/m/${municipality.code}/p/${procedure.id}/done`, { replace: true });
    } else if (outcome.kind === 'invalid') {
      setNotice(outcome.message);
      showProblems(outcome.fields);
      // A place may have gone meanwhile: the form shows the options as they are now.
      if (outcome.fields.some((f) => f.keyword === 'capacity_full')) refreshCapacity();
    } else if (outcome.kind === 'version-changed') {
      onVersionChanged(outcome.message);
    } else if (outcome.kind === 'reception-closed') {
      setReceptionClosed(outcome.message);
      setFailedAttempt((n) => n + 1);
    } else {
      setNotice(outcome.message);
      setFailedAttempt((n) => n + 1);
    }
  };

  /** Signs the answers as they would be sent (hidden branches pruned), after the same checks as submitting. */
  const onSign = async () => {
    const checks = await Promise.all([import('./reviewModel'), import('../attachments/attachmentChecks')]).catch(() => null);
    if (!checks) return setNotice(t('error.network'));
    const [{ pruneToShown, withoutHidden }, { attachmentErrors }] = checks;
    const data = withoutHidden(schema, pruneToShown(utils, schema, draft.data)) as Record<string, unknown>;
    const found = [...validateAll(data), ...attachmentErrors(attachments, data, draft.attachments, language)];
    if (found.length) return showProblems(found);
    await card?.sign(data);
  };

  const stepTitle = onOverview ? title : index < steps.length ? steps[index]!.title : index === steps.length ? t('apply.attachmentsStep') : t('apply.reviewStep');
  const labels = [...steps.map((s) => s.title), ...(hasFiles ? [t('apply.attachmentsStep')] : []), t('apply.reviewStep')];
  const position = index <= steps.length ? index : labels.length - 1;
  if (sentReceipt) {
    const donePath = `/m/${municipality.code}/p/${procedure.id}/done`;
    return (
      <>
        <p className="caption">{title}</p>
        <PageHeading title={`${t('done.alreadyTitle')} - ${title}`}>{t('done.alreadyTitle')}</PageHeading>
        <div className="notice" role="status">
          <p>{t('done.already', { receipt: sentReceipt.receiptNumber })}</p>
        </div>
        <p>
          <a
            href={donePath}
            onClick={(e) => {
              e.preventDefault();
              navigate(donePath);
            }}
          >
            {t('done.showReceipt')}
          </a>
        </p>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            forgetReceipt(municipality.code, procedure.id);
            setSentReceipt(null);
            goTo(longForm ? 'overview' : 0);
          }}
        >
          {t('done.startNew')}
        </button>
      </>
    );
  }

  const overviewProps = {
    steps,
    utils,
    schema,
    data: draft.data,
    validateAll,
    attachments,
    files: draft.attachments,
    hrefOf: (target: number | 'files' | 'review') => `?step=${stepValue(target)}`,
    goTo: (target: number | 'files' | 'review') => goTo(target),
  };
  const review = (
    <ReviewStep
      detail={detail}
      utils={utils}
      uiSchema={uiSchema}
      steps={steps}
      data={draft.data}
      files={draft.attachments}
      municipalityName={municipality.name}
      errors={problems}
      {...(notice || cardNotice ? { notice: notice ?? cardNotice } : {})}
      {...(receptionClosed ? { receptionClosed } : {})}
      {...(card && !inBundle ? { card: { signed: card.signed, signing: card.signing, onSign: () => void onSign() } } : {})}
      submitting={submitting}
      {...(busy ? { busy } : {})}
      {...(inBundle ? { submitLabel: t('apply.confirmInBundle') } : {})}
      failedAttempt={failedAttempt}
      onEdit={(i, fieldId) => goTo(i < 0 ? 'files' : i, fieldId, true)}
      onSelectError={(e) => {
        const target = stepOfError(e.pointer);
        goTo(target, target === 'files' ? undefined : e.href.slice(1));
      }}
      onSubmit={() => void onSubmit()}
      onBack={() => goTo(longForm ? 'overview' : hasFiles ? 'files' : steps.length - 1)}
    />
  );

  return (
    <>
      {!onOverview && <p className="caption">{title}</p>}
      {longForm ? (
        !onOverview && (
          <p className="back-link">
            <a
              href="?step=overview"
              onClick={(e) => {
                e.preventDefault();
                goTo('overview');
              }}
            >
              {t('apply.toOverview')}
            </a>
          </p>
        )
      ) : (
        <StepProgress labels={labels} current={position} />
      )}
      <PageHeading key={stepParam} title={onOverview ? title : `${stepTitle} - ${title}`}>
        {stepTitle}
      </PageHeading>
      {inBundle && (
        <Suspense fallback={null}>
          <BundleBanner
            municipalityCode={municipality.code}
            procedureId={procedure.id}
            mapping={detail.sharedAnswers}
            data={draft.data}
            setData={setData}
            defaultsOf={() => utils.getDefaultFormState(schema, {}) as Record<string, unknown>}
          />
        </Suspense>
      )}
      {cardOffer && (
        <Suspense fallback={null}>
          <CardBridge
            municipalityCode={municipality.code}
            procedureId={procedure.id}
            uiSchema={version.uiSchema}
            data={draft.data}
            attachments={attachmentIds(draft.attachments)}
            setData={setData}
            language={language}
            signedIn={cardOffer.identity}
            showPanel={index >= 0 && index < steps.length}
            onState={setCard}
          />
        </Suspense>
      )}
      {onOverview && <FormOverview {...overviewProps} />}
      {index >= 0 && index < steps.length && (
        <StepForm
          key={`form-${index}`}
          detail={detail}
          uiSchema={uiSchema}
          validator={validator}
          validateAll={validateAll}
          step={steps[index]!}
          nextLabel={
            returnToReview ? t('apply.backToReview') : longForm ? t('apply.saveToOverview') : index < steps.length - 1 ? t('apply.next') : hasFiles ? t('apply.toAttachments') : t('apply.toReview')
          }
          data={draft.data}
          onData={setData}
          // A long form's section returns to the overview when done (GOV.UK's task-list pattern).
          onNext={() => goTo(returnToReview ? 'review' : longForm ? 'overview' : index === steps.length - 1 ? afterForm : index + 1)}
          {...(longForm ? { onBack: () => goTo('overview') } : index > 0 ? { onBack: () => goTo(index - 1) } : {})}
          {...(focusId ? { focusId } : {})}
          {...(capacity ? { capacity } : {})}
        />
      )}
      {index === steps.length && hasFiles && (
        <AttachmentsStep
          specs={attachments}
          data={draft.data}
          files={draft.attachments}
          updateFiles={updateFiles}
          municipalityCode={municipality.code}
          procedureId={procedure.id}
          uploadToken={draft.uploadToken}
          serverErrors={serverFileErrors}
          returnToReview={returnToReview}
          {...(longForm && !returnToReview ? { nextLabel: t('apply.saveToOverview') } : {})}
          onNext={() => goTo(longForm && !returnToReview ? 'overview' : 'review')}
          onBack={() => goTo(longForm ? 'overview' : steps.length - 1)}
        />
      )}
      {index === steps.length + 1 && (longForm ? <ReviewGate {...overviewProps}>{review}</ReviewGate> : review)}
      <p className="save-note">{t('apply.savedLocally')}</p>
      <ResumeLinkPanel draft={draft} onRemote={setRemote} />
    </>
  );
}
