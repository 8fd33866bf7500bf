/**
 * Route `/m/:code/bundle?p=a,b,c&guide=g`: the applications a life event
 * brings, as one task list (GOV.UK's pattern): the shared answers given once,
 * each form with its state (未入力 / 入力中 / 確認済), and one 「まとめて送信する」
 * that sends them all, stored all or none. `?step=shared` is the shared part.
 */
import { useEffect, useMemo, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { SHARED_ANSWER_GROUPS, sharedAnswersSchema, type ProcedureDetail, type SharedAnswerMapping, type SharedAnswers } from '@madoguchi/shared';
import { useLanguage } from '../../common/i18n/LanguageContext';
import { PageHeading } from '../../common/PageHeading';
import { ErrorBlock, Loading } from '../../common/StatusMessages';
import { useAsync } from '../../common/useAsync';
import { ApiError } from '../../common/api/http';
import { getMunicipality, getProcedure } from '../../common/api/residentApi';
import { randomToken } from '../../common/randomToken';
import { readStored, writeStored } from '../../common/storage';
import { clearLocalDraft, loadLocalDraft } from '../apply/localDraft';
import { ResumeLinkPanel, syncRemoteDraft } from '../apply/ResumeLinkPanel';
import { StepForm } from '../apply/StepForm';
import { StepProgress } from '../apply/StepProgress';
import { SharedRjsfValidator } from '../form/sharedRjsfValidator';
import { TaskList, type TaskItem } from '../tasks/TaskList';
import { submitBundle, type BundleItem } from './bundleApi';
import { bundleDraft, bundleFor, clearBundle, loadBundle, saveBundle, withConfirmed, withShared, type BundleState } from './bundleStore';
import { useBundleSignature } from './useBundleSignature';
import { useBundleText } from './bundleMessages';
import { bundleStatusPath, markBundleSent } from './bundleReceipt';
import './bundle.css';

export default function BundlePage() {
  const { code = '' } = useParams();
  const [params] = useSearchParams();
  const { language } = useLanguage();
  const [state, setState] = useState<BundleState>(() => {
    const ids = (params.get('p') ?? '').split(',').filter(Boolean);
    // Without ?p= (back from a form) the bundle on this device is the one to show.
    const start = ids.length ? bundleFor(code, ids, params.get('guide') ?? undefined) : (loadBundle(code) ?? bundleFor(code, []));
    saveBundle(start);
    return start;
  });
  const loaded = useAsync(async () => {
    const [municipality, ...details] = await Promise.all([getMunicipality(code, language), ...state.procedureIds.map((id) => getProcedure(code, id, language))]);
    return { municipality, details };
  }, [code, language, state.procedureIds.join()]);
  const update = (next: BundleState) => {
    saveBundle(next);
    setState(next);
  };
  if (loaded.status === 'loading') return <Loading />;
  if (loaded.status === 'error') return <ErrorBlock error={loaded.error} onRetry={loaded.reload} />;
  const { details } = loaded.value;
  return params.get('step') === 'shared' ? <SharedPart code={code} state={state} details={details} onSave={update} /> : <BundleTasks code={code} state={state} details={details} onChange={update} />;
}

const mappingsOf = (details: ProcedureDetail[]): Record<string, SharedAnswerMapping | undefined> => Object.fromEntries(details.map((d) => [d.procedure.id, d.sharedAnswers]));

/** The shared answers the bundle's forms take, asked once with the same form renderer and validator as the forms. */
function SharedPart({ code, state, details, onSave }: { code: string; state: BundleState; details: ProcedureDetail[]; onSave: (s: BundleState) => void }) {
  const { language } = useLanguage();
  const b = useBundleText();
  const navigate = useNavigate();
  const keys = useMemo(() => [...new Set(details.flatMap((d) => Object.keys(d.sharedAnswers ?? {})))], [details]);
  const schema = useMemo(() => sharedAnswersSchema(keys, language), [keys, language]);
  const validator = useMemo(() => new SharedRjsfValidator(`bundle-shared:${keys.join()}`, language), [keys, language]);
  const [data, setData] = useState<Record<string, unknown>>(state.shared as Record<string, unknown>);
  // The shared part is not a procedure: a detail shaped like one lets it use the forms' step renderer as it is.
  const detail = { procedure: { attachments: [] }, version: { version: 1, schema, uiSchema: {} } } as unknown as ProcedureDetail;
  return (
    <>
      <p className="back-link">
        <Link to={`/m/${code}/bundle`}>{b('backToList')}</Link>
      </p>
      {/* The bundle's way: the shared answers first, then each form, then one sending. */}
      <StepProgress labels={[b('shared'), ...details.map((d) => d.procedure.title), b('send')]} current={0} />
      <PageHeading title={`${b('shared')} - ${b('title')}`}>{b('shared')}</PageHeading>
      <p className="lead">{b('sharedLead')}</p>
      <StepForm
        detail={detail}
        uiSchema={{}}
        validator={validator}
        validateAll={(d) => validator.validateAll(schema, d)}
        step={{ title: b('shared'), fields: Object.keys(schema.properties ?? {}) }}
        nextLabel={b('saveShared')}
        data={data}
        onData={setData}
        onNext={() => {
          onSave(withShared(state, data as SharedAnswers, mappingsOf(details)));
          navigate(`/m/${code}/bundle`);
        }}
        onBack={() => navigate(`/m/${code}/bundle`)}
      />
    </>
  );
}

interface PendingKey {
  key: string;
  body: string;
}

/** The bundle's task list and its one submission. */
function BundleTasks({ code, state, details, onChange }: { code: string; state: BundleState; details: ProcedureDetail[]; onChange: (s: BundleState) => void }) {
  const { language } = useLanguage();
  const b = useBundleText();
  const navigate = useNavigate();
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<string>();
  const signature = useBundleSignature(code, state, details, onChange);
  useEffect(() => {
    if (!state.remote || details.length === 0) return;
    const { first, body } = bundleDraft(state, Object.fromEntries(details.map((d) => [d.procedure.id, d.version.version])));
    syncRemoteDraft(first, language, body).catch(() => undefined);
  }, []); // eslint-disable-line react-hooks/exhaustive-deps
  const titleOf = (d: ProcedureDetail) => (language === 'en' && d.procedure.titleEn ? d.procedure.titleEn : d.procedure.title);
  if (details.length === 0) {
    return (
      <>
        <PageHeading title={b('title')}>{b('title')}</PageHeading>
        <p>{b('empty')}</p>
      </>
    );
  }
  // The whole bundle behind one resume link; once made, it follows what is done here.
  const linked = bundleDraft(state, Object.fromEntries(details.map((d) => [d.procedure.id, d.version.version])));
  const groups = SHARED_ANSWER_GROUPS.filter((g) => details.some((d) => Object.keys(d.sharedAnswers ?? {}).some((k) => k.startsWith(`${g.id}.`))));
  const allConfirmed = details.every((d) => state.confirmed[d.procedure.id]);
  const items: TaskItem[] = [
    ...(groups.length
      ? [
          {
            id: 'shared',
            title: b('shared'),
            hint: b('sharedHint', { groups: groups.map((g) => (language === 'en' ? g.titleEn : g.title)).join(language === 'en' ? ', ' : '・') }),
            state: state.sharedSaved ? ('complete' as const) : ('notStarted' as const),
            href: `/m/${code}/bundle?step=shared`,
            onSelect: () => navigate(`/m/${code}/bundle?step=shared`),
          },
        ]
      : []),
    ...details.map((d): TaskItem => {
      const id = d.procedure.id;
      const draft = loadLocalDraft(code, id);
      const href = `/m/${code}/bundle/p/${id}`;
      return {
        id: `p-${id}`,
        title: titleOf(d),
        hint: b('procedureHint'),
        state: state.confirmed[id] ? 'complete' : draft && Object.keys(draft.data).length > 0 ? 'inProgress' : 'notStarted',
        ...(state.confirmed[id] ? { statusLabel: b('confirmedLabel') } : {}),
        href,
        onSelect: () => navigate(href),
      };
    }),
    ...(signature.item ? [signature.item] : []),
    { id: 'send', title: b('send'), hint: b('sendHint'), state: allConfirmed && !signature.blocksSending ? 'notStarted' : 'cannotStart' },
  ];

  const send = async () => {
    if (sending) return; // a second tap while the first is on its way
    setSending(true);
    setProblem(undefined);
    const body: BundleItem[] = details.map((d) => ({ procedureId: d.procedure.id, ...state.confirmed[d.procedure.id]! }));
    // One Idempotency-Key per set of answers: a retry after a network failure is stored once.
    const text = JSON.stringify({ body, signature: state.signature });
    const pendingKey = `madoguchi:pending-bundle:${code}`;
    const pending = readStored<PendingKey>(pendingKey, 'session');
    const key = pending?.body === text ? pending.key : randomToken(24);
    writeStored(pendingKey, { key, body: text }, 'session');
    try {
      const response = await submitBundle(code, body, state.signature, key, language);
      writeStored(pendingKey, null, 'session');
      markBundleSent(response.receiptNumber);
      for (const d of details) clearLocalDraft(code, d.procedure.id);
      clearBundle(code);
      navigate(bundleStatusPath(code, response.receiptNumber, response.secret), { replace: true });
    } catch (error) {
      // 422: wrong answers; 409 capacity_full: a chosen option filled up meanwhile (its field named the same way).
      const atFields = error instanceof ApiError && error.fields.length > 0 && (error.status === 422 || error.code === 'capacity_full');
      if (error instanceof ApiError && atFields) {
        // The pointers say which form: those go back to 入力中, to be looked at again.
        const bad = new Set(error.fields.map((f) => Number(f.pointer.split('/')[2])));
        const badIds = details.filter((_, n) => bad.has(n)).map((d) => d.procedure.id);
        onChange(withConfirmed(state, Object.fromEntries(Object.entries(state.confirmed).filter(([id]) => !badIds.includes(id)))));
        const titles = b('problemsIn', {
          titles: details
            .filter((d) => badIds.includes(d.procedure.id))
            .map((d) => `「${titleOf(d)}」`)
            .join(''),
        });
        // A full option: the server's words name the field and the option to change.
        setProblem(error.code === 'capacity_full' ? `${error.message} ${titles}` : titles);
      } else if (error instanceof ApiError && error.code === 'form_version_changed') {
        onChange(withConfirmed(state, {}));
        setProblem(error.message);
      } else {
        setProblem((error as Error).message);
      }
    } finally {
      setSending(false);
    }
  };

  return (
    <>
      {state.guideId && (
        <p className="back-link">
          <Link to={`/m/${code}/guides/${state.guideId}`}>{b('fromGuide')}</Link>
        </p>
      )}
      <PageHeading title={b('title')}>{b('title')}</PageHeading>
      <p className="lead">{b('lead')}</p>
      {problem && (
        <div className="error-summary" role="alert" tabIndex={-1}>
          <p>{problem}</p>
        </div>
      )}
      <TaskList items={items} label={b('listLabel')} />
      <ResumeLinkPanel draft={linked.first} body={linked.body} onRemote={(remote) => onChange({ ...state, remote })} />
      {signature.panel}
      {allConfirmed && !signature.blocksSending && (
        <div className="bundle-send">
          <p>{b('sendNote')}</p>
          <button type="button" className="button button--primary button--wide" onClick={() => void send()} disabled={sending} aria-busy={sending || undefined}>
            {sending ? b('sending') : b('sendButton', { n: details.length })}
          </button>
        </div>
      )}
    </>
  );
}
