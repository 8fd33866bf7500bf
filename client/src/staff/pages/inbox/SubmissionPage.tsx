/**
 * One submission: every answer with the labels of the version it was made on,
 * attachments with preview, signature status, history, the correction thread,
 * notes; status moves, assignment and the 補正依頼. Opening it marks it read.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useSession } from '../../session';
import { useT } from '../../i18n';
import { assign, getSubmission, jst, listAssignees, pdfUrl, revealSensitive, type SubmissionView } from './inboxApi';
import { AnswersTable } from './AnswersTable';
import { AttachmentsPanel } from './AttachmentsPanel';
import { AttachmentScanWarning } from './AttachmentScan';
import { CorrectionRequestForm } from './CorrectionRequestForm';
import { HistoryPanel, MessagesPanel, NotesPanel } from './ActivityPanels';
import { RevisionsPanel } from './RevisionsPanel';
import { StatusActions } from './StatusActions';
import { StatusBadge } from './StatusBadge';
import './inbox.css';

const SIGNATURE: Record<string, { ja: string; en: string }> = {
  required: { ja: 'なし（この手続では必須です。本人確認の方法を確認してください）', en: 'None, although the procedure requires one' },
  optional: { ja: 'なし（この手続では任意）', en: 'None (optional for this procedure)' },
  none: { ja: 'なし（この手続では不要）', en: 'None (not needed)' },
  'municipality-choice': { ja: 'なし（要否は自治体の設定による）', en: 'None (the municipality decides)' },
};

export default function SubmissionPage() {
  const t = useT();
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
        {error} <Link to="/staff/inbox">{t({ ja: '受付一覧へ', en: 'Back to inbox' })}</Link>
      </p>
    );
  if (!view) return <p>{t({ ja: '読み込み中…', en: 'Loading…' })}</p>;
  const mayUpdate = can('inbox.update');
  const mayCorrect = mayUpdate && view.transitions.some((tr) => tr.to === 'correction-requested');

  return (
    <article className="submission" aria-labelledby="submission-title">
      <p>
        <Link to="/staff/inbox">← {t({ ja: '受付一覧へ戻る', en: 'Back to inbox' })}</Link>
      </p>
      <header className="submission__head">
        <h1 id="submission-title" ref={heading} tabIndex={-1}>
          {view.procedure.title}
        </h1>
        <dl className="facts submission__facts">
          <dt>{t({ ja: '到達番号', en: 'Receipt no.' })}</dt>
          <dd className="mono">{view.receiptNumber}</dd>
          <dt>{t({ ja: '状況', en: 'Status' })}</dt>
          <dd>
            <StatusBadge status={view.status} label={view.statusLabel} />
          </dd>
          <dt>{t({ ja: '申請者', en: 'Applicant' })}</dt>
          <dd>{view.applicantName ?? '—'}</dd>
          <dt>{t({ ja: '到達日時', en: 'Received' })}</dt>
          <dd>{jst(view.receivedAt)}</dd>
          <dt>{t({ ja: '様式', en: 'Form' })}</dt>
          <dd>
            {t({ ja: `第${view.formVersion}版（申請時の様式で表示）`, en: `Version ${view.formVersion} (as submitted)` })}
            {view.revision > 1 && t({ ja: `・補正${view.revision - 1}回`, en: ` · ${view.revision - 1} correction(s)` })}
          </dd>
          <dt>{t({ ja: '電子署名', en: 'Signature' })}</dt>
          <dd>{t(SIGNATURE[view.signature.policy] ?? SIGNATURE.none!)}</dd>
          {view.acknowledgedAt && (
            <>
              <dt>{t({ ja: '基幹系', en: 'Core system' })}</dt>
              <dd>{t({ ja: `取込済（${jst(view.acknowledgedAt)}）`, en: `Taken ${jst(view.acknowledgedAt)}` })}</dd>
            </>
          )}
        </dl>
        <div className="submission__tools">
          {mayUpdate && (
            <div className="field field--inline">
              <label htmlFor="assignee">{t({ ja: '担当者', en: 'Assignee' })}</label>
              <select
                id="assignee"
                value={view.assignee?.id ?? ''}
                onChange={(e) => void assign(code, view.id, e.target.value || null).then(() => done(t({ ja: '担当者を変更しました。', en: 'Assignee changed.' })))}
              >
                <option value="">{t({ ja: '未割当', en: 'Unassigned' })}</option>
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
              {t({ ja: '申請書PDF', en: 'PDF' })}
            </a>
          )}
          {mayCorrect && !correcting && (
            <button type="button" className="button button--small" onClick={() => setCorrecting(true)}>
              {t({ ja: '補正依頼を作成', en: 'Request correction' })}
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
          <AnswersTable
            answers={view.answers}
            caption={t({ ja: '申請内容', en: 'Answers' })}
            {...(correcting ? { selection: { selected, toggle } } : {})}
            {...(can('inbox.revealSensitive') ? { reveal: async (p: string) => (await revealSensitive(code, view.id, [p])).find((a) => a.pointer === p)?.value } : {})}
          />
          <section aria-labelledby="attachments-title">
            <h2 id="attachments-title">{t({ ja: '添付書類', en: 'Attachments' })}</h2>
            <AttachmentsPanel view={view} />
          </section>
          <RevisionsPanel view={view} />
        </div>
        <aside className="submission__side" aria-label={t({ ja: '処理', en: 'Processing' })}>
          {mayUpdate && <StatusActions view={view} onDone={(m) => void done(m)} />}
          <section aria-labelledby="messages-title">
            <h2 id="messages-title">{t({ ja: '申請者とのやり取り', en: 'Messages' })}</h2>
            <MessagesPanel view={view} />
          </section>
          <section aria-labelledby="history-title">
            <h2 id="history-title">{t({ ja: '履歴', en: 'History' })}</h2>
            <HistoryPanel view={view} />
          </section>
          <section aria-labelledby="notes-title">
            <h2 id="notes-title">{t({ ja: '内部メモ', en: 'Notes' })}</h2>
            <NotesPanel view={view} onAdded={() => void load()} />
          </section>
        </aside>
      </div>
    </article>
  );
}
