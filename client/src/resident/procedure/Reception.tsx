/**
 * 受付期間 on the resident's pages: the period and hours in words (procedure page facts), and the
 * notice that replaces the apply button when the procedure does not take applications now
 * (the server's receptionState at the time of the answer; intake refuses the same way).
 */
import { receptionClosedText, receptionHoursText, receptionPeriodText, type ProcedureDetail } from '@madoguchi/shared';
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
