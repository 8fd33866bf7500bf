/**
 * The error summary at the top of a step or of the review: how many
 * problems, and a link to each field. It takes focus when shown, so screen
 * reader and keyboard users land on it after a failed attempt.
 */
import { forwardRef } from 'react';
import { useLanguage } from '../../common/i18n/LanguageContext';

export interface SummaryError {
  /** Where the field is, e.g. 「世帯主・氏名」 (may be empty). */
  context: string;
  label: string;
  message: string;
  /** Used as the link target. */
  href: string;
  /** The field's JSON pointer (`/attachments/<id>` for attachments). */
  pointer: string;
}

interface Props {
  errors: SummaryError[];
  lead?: string;
  onSelect: (error: SummaryError) => void;
}

export const ErrorSummary = forwardRef<HTMLDivElement, Props>(function ErrorSummary({ errors, lead, onSelect }, ref) {
  const { t } = useLanguage();
  if (errors.length === 0) return null;
  return (
    // An alert region: the summary is announced when it appears, as well as focused (GOV.UK's error summary pattern).
    <div className="error-summary" ref={ref} tabIndex={-1} role="alert" aria-labelledby="error-summary-title">
      <h2 id="error-summary-title" className="error-summary__title">
        {t('apply.errorSummaryTitle', { n: errors.length })}
      </h2>
      <p>{lead ?? t('apply.errorSummaryLead')}</p>
      <ul className="error-summary__list">
        {errors.map((e, i) => (
          <li key={`${e.href}-${i}`}>
            <a
              href={e.href}
              onClick={(event) => {
                event.preventDefault();
                onSelect(e);
              }}
            >
              {e.context && <span className="error-summary__context">{e.context}：</span>}
              {e.message.includes(e.label) ? e.message : `「${e.label}」${e.message}`}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
});
