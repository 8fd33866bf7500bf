/**
 * One submission: every answer with the labels of the version it was made on,
 * attachments with preview, signature status, history, the correction thread,
 * notes; status moves, assignment and the 補正依頼. Opening it marks it read.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useSession } from '../../session';
import { useStaffText } from '../../i18n';
import { assign, getSubmission, jst, listAssignees, pdfUrl, revealSensitive, type SubmissionView } from './inboxApi';
import { AnswersTable } from './AnswersTable';
import { AttachmentsPanel } from './AttachmentsPanel';
import { AttachmentScanWarning } from './AttachmentScan';
import { CorrectionRequestForm } from './CorrectionRequestForm';
import { HistoryPanel, NotesPanel } from './ActivityPanels';
import { StaffThread } from './StaffThread';
import { RevisionsPanel } from './RevisionsPanel';
import { StatusActions } from './StatusActions';
import { StatusBadge } from './StatusBadge';
import { SignatureDetails } from './SignatureDetails';
import { CounterPanel } from './CounterPanel';
import { DecisionNoticePanel } from '../notices/DecisionNoticePanel';
import { DeadlineDetails } from '../deadlines/DeadlineDetails';
import './inbox.css';

export default function SubmissionPage() {
  const t = useStaffText();
  const { submissionId = '' } = useParams();
  const { session, can } = useSession();
  const code = session!.user!.municipalityCode!;
  const [view, setView] = useState<SubmissionView | null>(null);
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  const [assignees, setAssignees] = useState<Array<{ id: string; name: string }>>([]);
  const [correcting, setCorrecting] = useState(false);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const heading = useRef<HTMLHeadingElement>(null);

  const load = useCallback(async () => {
    try {
      setView(await getSubmission(code, submissionId));
    } catch (e) {
      setError((e as Error).message);
    }
  }, [code, submissionId]);
  useEffect(() => {
    void load();
    void listAssignees(code).then(setAssignees);
  }, [load, code]);
  // Once the submission is on screen, move focus to its heading (screen readers announce the new page).
  const loadedId = view?.id;
  useEffect(() => {
    if (loadedId) heading.current?.focus();
  }, [loadedId]);

  const done = async (message: string) => {
    setCorrecting(false);
    setSelected(new Set());
    await load();
    setNotice(message);
  };
  const toggle = (pointer: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(pointer)) next.delete(pointer);
      else next.add(pointer);
      return next;
    });

  if (error)
    return (
      <p className="form-error" role="alert">
        {error} <Link to="/staff/inbox">{t('inbox.submission.backToInbox')}</Link>
      </p>
    );
  if (!view) return <p>{t('common.loading')}</p>;
  const mayUpdate = can('inbox.update');
  const mayCorrect = mayUpdate && view.transitions.some((tr) => tr.to === 'correction-requested');

  return (
    <article className="submission" aria-labelledby="submission-title">
      <p>
        <Link to="/staff/inbox">← {t('common.backToInbox')}</Link>
      </p>
      <header className="submission__head">
        <h1 id="submission-title" ref={heading} tabIndex={-1}>
          {view.procedure.title}
        </h1>
        <dl className="facts submission__facts">
          <dt>{t('common.receiptNo')}</dt>
          <dd className="mono">{view.receiptNumber}</dd>
          <dt>{t('common.status')}</dt>
          <dd>
            <StatusBadge status={view.status} label={view.statusLabel} />
          </dd>
          <dt>{t('common.applicant')}</dt>
          <dd>{view.applicantName ?? '—'}</dd>
          <dt>{t('common.receivedAt')}</dt>
          <dd>{jst(view.receivedAt)}</dd>
          <dt>{t('inbox.submission.channel')}</dt>
          <dd>{t(view.channel === 'counter' ? 'inbox.submission.channel.counter' : 'inbox.submission.channel.online')}</dd>
          <dt>{t('inbox.submission.form')}</dt>
          <dd>
            {t('inbox.submission.formVersion', { versionLabel: view.versionLabel })}
            {view.revision > 1 && t('inbox.submission.corrections', { corrections: view.revision - 1 })}
          </dd>
          <DeadlineDetails view={view} />
          <SignatureDetails code={code} view={view} mayUpdate={mayUpdate} onDone={done} />
          {view.acknowledgedAt && (
            <>
              <dt>{t('inbox.submission.coreSystem')}</dt>
              <dd>{t('inbox.submission.taken', { acknowledgedAt: jst(view.acknowledgedAt) })}</dd>
            </>
          )}
        </dl>
        <div className="submission__tools">
          {mayUpdate && (
            <div className="field field--inline">
              <label htmlFor="assignee">{t('common.assignee')}</label>
              <select id="assignee" value={view.assignee?.id ?? ''} onChange={(e) => void assign(code, view.id, e.target.value || null).then(() => done(t('inbox.submission.assigneeChanged')))}>
                <option value="">{t('common.unassigned')}</option>
                {assignees.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name}
                  </option>
                ))}
              </select>
            </div>
          )}
          {can('inbox.export') && (
            <a className="button button--small" href={pdfUrl(code, view.id)} download>
              {t('inbox.submission.pdf')}
            </a>
          )}
          {mayCorrect && !correcting && (
            <button type="button" className="button button--small" onClick={() => setCorrecting(true)}>
              {t('inbox.submission.requestCorrection')}
            </button>
          )}
        </div>
      </header>
      <p className="notice-live" role="status" aria-live="polite">
        {notice}
      </p>
      <AttachmentScanWarning view={view} />
      <div className="submission__body">
        <div className="submission__main">
          {correcting && <CorrectionRequestForm view={view} selected={selected} onCancel={() => (setCorrecting(false), setSelected(new Set()))} onDone={(m) => void done(m)} />}
          <CounterPanel view={view} />
          <AnswersTable
            answers={view.answers}
            caption={t('inbox.submission.answers')}
            {...(view.counter ? { sources: view.counter.sources } : {})}
            {...(correcting ? { selection: { selected, toggle } } : {})}
            {...(can('inbox.revealSensitive') ? { reveal: async (p: string) => (await revealSensitive(code, view.id, [p])).find((a) => a.pointer === p)?.value } : {})}
          />
          <section aria-labelledby="attachments-title">
            <h2 id="attachments-title">{t('inbox.submission.attachments')}</h2>
            <AttachmentsPanel view={view} />
          </section>
          <RevisionsPanel view={view} />
        </div>
        <aside className="submission__side" aria-label={t('inbox.submission.processing')}>
          {mayUpdate && <StatusActions view={view} onDone={(m) => void done(m)} />}
          <DecisionNoticePanel code={code} submissionId={view.id} status={view.status} />
          <section aria-labelledby="messages-title">
            <h2 id="messages-title">{t('inbox.submission.messages')}</h2>
            <StaffThread
              key={view.updatedAt}
              code={view.municipalityCode}
              submissionId={view.id}
              mayWrite={mayUpdate}
              fieldLabel={(pointer) => view.answers.find((a) => a.pointer === pointer)?.label ?? pointer}
            />
          </section>
          <section aria-labelledby="history-title">
            <h2 id="history-title">{t('inbox.submission.history')}</h2>
            <HistoryPanel view={view} />
          </section>
          <section aria-labelledby="notes-title">
            <h2 id="notes-title">{t('inbox.submission.notes')}</h2>
            <NotesPanel view={view} onAdded={() => void load()} />
          </section>
        </aside>
      </div>
    </article>
  );
}
