/**
 * 受付期間 on the resident's pages: the period and hours in words (procedure page facts), and the
 * notice that replaces the apply button when the procedure does not take applications now
 * (the server's receptionState at the time of the answer; intake refuses the same way).
 */
import { japanDateTimeText, receptionClosedText, receptionHoursText, receptionPeriodText, type ProcedureDetail, type ReceptionState } from '@madoguchi/shared';
import { useLanguage } from '../../common/i18n/LanguageContext';

/** The notice, or null while the procedure is open. */
export function ReceptionNotice({ detail }: { detail: ProcedureDetail }) {
  const { t, language } = useLanguage();
  const text = detail.receptionState ? receptionClosedText(detail.receptionState, language) : null;
  if (!text) return null;
  const note = detail.procedure.reception?.note;
  return (
    <div className="notice notice--warning reception-notice" role="status">
      <p className="reception-notice__title">{t('procedure.receptionClosed')}</p>
      <p>{text}</p>
      {note && <p lang="ja">{note}</p>}
    </div>
  );
}

/** Whether intake takes applications now (no state given: open, as before reception periods existed). */
export const receptionIsOpen = (detail: ProcedureDetail) => !detail.receptionState || detail.receptionState.status === 'open';

/** The 受付期間 rows of the procedure facts (nothing when the procedure is always open). */
export function ReceptionFacts({ detail }: { detail: ProcedureDetail }) {
  const { t, language } = useLanguage();
  const reception = detail.procedure.reception;
  if (!reception) return null;
  const period = receptionPeriodText(reception, language);
  const hours = receptionHoursText(reception, language);
  if (!period && !hours && !reception.note) return null;
  return (
    <>
      <dt>{t('procedure.reception')}</dt>
      <dd>
        {period && <p className="reception-facts__line">{period}</p>}
        {hours && <p className="reception-facts__line">{hours}</p>}
        {reception.note && <p lang="ja">{reception.note}</p>}
      </dd>
    </>
  );
}

/**
 * The catalog row's badge while a procedure does not take applications: 「受付開始前」 with its
 * opening, 「受付期間外」 after the period, 「受付時間外」 with the next opening. Nothing while open.
 */
export function ReceptionBadge({ state }: { state: ReceptionState | undefined }) {
  const { t, language } = useLanguage();
  if (!state || state.status === 'open') return null;
  const at = (local: string) => japanDateTimeText(local, language, { weekday: true });
  const [label, when] =
    state.status === 'not-yet-open'
      ? [t('reception.badge.notYetOpen'), t('reception.badge.opensAt', { at: at(state.opensAt) })]
      : state.status === 'closed'
        ? [t('reception.badge.closed'), t('reception.badge.closedAt', { at: at(state.closedAt) })]
        : [t('reception.badge.outsideHours'), state.nextOpening ? t('reception.badge.nextOpening', { at: at(state.nextOpening) }) : null];
  return (
    <span className="tag tag--reception">
      <strong>{label}</strong>
      {when && <span className="tag__detail">{when}</span>}
    </span>
  );
}
