/**
 * Every answer with the label of the form version it was submitted on. Groups
 * are header rows; in 補正依頼 mode each answer gets a checkbox so the clerk
 * can mark what the applicant should correct. Sensitive answers arrive masked;
 * with `reveal` (staff allowed to see them) each gets a 「表示」 button.
 */
import { useStaffText } from '../../i18n';
import type { AnswerLine } from './inboxApi';
import { SensitiveValue, type RevealAnswer } from './SensitiveValue';

export interface Selection {
  selected: Set<string>;
  toggle: (pointer: string) => void;
}

export function AnswersTable({ answers, caption, selection, reveal }: { answers: AnswerLine[]; caption: string; selection?: Selection; reveal?: RevealAnswer }) {
  const t = useStaffText();
  if (answers.length === 0) return <p className="muted">{t('inbox.answers.none')}</p>;
  const cols = selection ? 3 : 2;
  return (
    <table className="table answers">
      <caption>{caption}</caption>
      <thead>
        <tr>
          {selection && (
            <th scope="col" className="answers__pick">
              {t('inbox.answers.fix')}
            </th>
          )}
          <th scope="col">{t('inbox.answers.question')}</th>
          <th scope="col">{t('inbox.answers.answer')}</th>
        </tr>
      </thead>
      <tbody>
        {answers.map((line) =>
          line.isGroup ? (
            <tr key={line.pointer} className={`answers__group answers__group--${Math.min(line.depth, 3)}`}>
              <th scope="colgroup" colSpan={cols}>
                {line.label}
              </th>
            </tr>
          ) : (
            <tr key={line.pointer} className={selection?.selected.has(line.pointer) ? 'answers__row--picked' : undefined}>
              {selection && (
                <td className="answers__pick">
                  <input
                    type="checkbox"
                    id={`pick-${line.pointer}`}
                    checked={selection.selected.has(line.pointer)}
                    onChange={() => selection.toggle(line.pointer)}
                    aria-label={t('inbox.answers.askCorrect', { label: line.label })}
                  />
                </td>
              )}
              <th scope="row" style={{ paddingLeft: `${0.5 + line.depth * 1}rem` }}>
                {line.label}
              </th>
              <td className="answers__value">{line.sensitive && reveal ? <SensitiveValue line={line} reveal={reveal} /> : line.value}</td>
            </tr>
          ),
        )}
      </tbody>
    </table>
  );
}
