/**
 * A guide as residents meet it: the lead, the plain questions, and below
 * them the procedures that apply, each with why, its deadline, and either
 * the way online or where it is done. The list follows the answers as they
 * are given, with the same evaluation the server runs (shared
 * `evaluateGuide`). In the English interface each text is the guide's
 * English where it has one. Used by the resident guide page and, unchanged, by the
 * staff console's preview.
 */
import { useMemo, useState, type ReactNode } from 'react';
import { evaluateGuide, type LifeEventGuide } from '@madoguchi/shared';
import { useLanguage } from '../../common/i18n/LanguageContext';
import { useGuideText } from './guideMessages';

export interface GuideBodyProps {
  guide: LifeEventGuide;
  /** Titles of the guide's procedures this municipality takes online, by id. */
  online: Record<string, string>;
  /** The way to apply online for a procedure (a link on the resident site, an inert button in a preview). */
  applyOnline: (procedureId: string, label: string) => ReactNode;
  /** The way to apply for several online procedures together (a one-stop bundle), offered when two or more apply. */
  applyTogether?: (procedureIds: string[], label: string) => ReactNode;
}

export function GuideBody({ guide, online, applyOnline, applyTogether }: GuideBodyProps) {
  const { language } = useLanguage();
  const g = useGuideText();
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const items = useMemo(() => evaluateGuide(guide, answers, new Set(Object.keys(online))), [guide, online, answers]);
  const en = language === 'en';
  // The procedures that apply and are taken online here can be applied for together, sharing their common answers.
  const together = [...new Set(items.flatMap((i) => (i.online && i.procedureId ? [i.procedureId] : [])))];
  return (
    <>
      <Localized className="lead" as="p" text={guide.lead} textEn={guide.leadEn} en={en} />
      <section aria-labelledby="guide-questions">
        <h2 id="guide-questions" className="section__title">
          {g('questions')}
        </h2>
        {guide.questions.map((q) => (
          <fieldset key={q.id} className="guide-question">
            <legend className="guide-question__text">{en && q.textEn ? q.textEn : q.text}</legend>
            {q.help && <Localized className="field__help" as="p" text={q.help} textEn={q.helpEn} en={en} />}
            <div className="guide-question__options">
              {q.options.map((option, i) => (
                <label key={option} className="guide-option">
                  <input type="radio" name={`q-${q.id}`} value={option} checked={answers[q.id] === option} onChange={() => setAnswers((a) => ({ ...a, [q.id]: option }))} />
                  <span>{en && q.optionsEn?.[i] ? q.optionsEn[i] : option}</span>
                </label>
              ))}
            </div>
          </fieldset>
        ))}
      </section>
      <section aria-labelledby="guide-result" className="guide-result">
        <h2 id="guide-result" className="section__title">
          {g('result')}
        </h2>
        <p className="result-count" role="status">
          {items.length === 0 ? g('none') : `${g('resultLead')} ${g('count', { n: items.length })}`}
        </p>
        <ol className="guide-items">
          {items.map((item, i) => {
            const name = (item.procedureId ? (online[item.procedureId] ?? item.title ?? item.procedureId) : item.title) ?? '';
            return (
              <li key={`${item.procedureId ?? item.title}-${i}`} className="guide-item">
                <h3 className="guide-item__title">
                  <Localized as="span" text={name} textEn={item.titleEn} en={en} />
                  {item.online && <span className="badge badge--online">{g('onlineLabel')}</span>}
                </h3>
                <dl className="guide-item__facts">
                  <dt>{g('why')}</dt>
                  <Localized as="dd" text={item.reason} textEn={item.reasonEn} en={en} />
                  {item.deadline && (
                    <>
                      <dt>{g('deadline')}</dt>
                      <Localized as="dd" text={item.deadline} textEn={item.deadlineEn} en={en} />
                    </>
                  )}
                  {!item.online && item.where && (
                    <>
                      <dt>{g('where')}</dt>
                      <Localized as="dd" text={item.where} textEn={item.whereEn} en={en} />
                    </>
                  )}
                </dl>
                {item.online && item.procedureId && applyOnline(item.procedureId, g('online'))}
              </li>
            );
          })}
        </ol>
        {applyTogether && together.length >= 2 && (
          <div className="guide-bundle">
            <p>{g('bundleLead', { n: together.length })}</p>
            {applyTogether(together, g('bundle', { n: together.length }))}
          </div>
        )}
      </section>
    </>
  );
}

/**
 * A text of the guide in the interface's language: the English when the interface is English and the guide
 * has it, otherwise the Japanese, marked `lang="ja"` in the English interface so it is read out as Japanese.
 */
function Localized({ as: Tag, text, textEn, en, className }: { as: 'p' | 'span' | 'dd'; text: string; textEn: string | undefined; en: boolean; className?: string }) {
  if (en && textEn) return <Tag className={className}>{textEn}</Tag>;
  return (
    <Tag className={className} lang={en ? 'ja' : undefined}>
      {text}
    </Tag>
  );
}
