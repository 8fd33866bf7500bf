/**
 * Every answer with the label of the form version it was submitted on. Groups
 * are header rows; in 補正依頼 mode each answer gets a checkbox so the clerk
 * can mark what the applicant should correct. Sensitive answers arrive masked;
 * with `reveal` (staff allowed to see them) each gets a 「表示」 button. A
 * counter application's answers that were not typed by the clerk carry a tag
 * saying where they came from (「カード」「事前入力」).
 */
import type { AnswerSource } from '@madoguchi/shared';
import { useStaffText, type StaffMessageKey } from '../../i18n';
import type { AnswerLine } from './inboxApi';
import { SensitiveValue, type RevealAnswer } from './SensitiveValue';

export interface Selection {
  selected: Set<string>;
  toggle: (pointer: string) => void;
}

const SOURCE_TAGS: Partial<Record<AnswerSource, [label: StaffMessageKey, title: StaffMessageKey]>> = {
  card: ['inbox.answers.source.card', 'inbox.answers.source.cardTitle'],
  prefill: ['inbox.answers.source.prefill', 'inbox.answers.source.prefillTitle'],
};

interface Props {
  answers: AnswerLine[];
  caption: string;
  selection?: Selection;
  reveal?: RevealAnswer;
  /** A counter application's answer sources by JSON pointer (absent: typed by staff). */
  sources?: Record<string, AnswerSource>;
}

export function AnswersTable({ answers, caption, selection, reveal, sources }: Props) {
  const t = useStaffText();
  const sourceTag = (pointer: string) => {
    const tag = SOURCE_TAGS[sources?.[pointer] ?? 'staff'];
    return tag ? (
      <span className={`tag answer-source answer-source--${sources![pointer]}`} title={t(tag[1])}>
        {t(tag[0])}
      </span>
    ) : null;
  };
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
              <td className="answers__value">
                {line.sensitive && reveal ? <SensitiveValue line={line} reveal={reveal} /> : line.value}
                {sourceTag(line.pointer)}
              </td>
            </tr>
          ),
        )}
      </tbody>
    </table>
  );
}
