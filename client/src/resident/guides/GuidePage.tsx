/**
 * A life-event guide: plain questions, and below them the procedures that
 * apply, each with why, its deadline, and either 「オンラインで申請する」 or
 * where it is done. The list follows the answers as they are given, with the
 * same evaluation the server runs (shared `evaluateGuide`).
 */
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { evaluateGuide } from '@madoguchi/shared';
import { useLanguage } from '../../common/i18n/LanguageContext';
import { PageHeading } from '../../common/PageHeading';
import { ErrorBlock, Loading } from '../../common/StatusMessages';
import { useAsync } from '../../common/useAsync';
import { getGuide } from './guideApi';
import { useGuideText } from './guideMessages';
import './guides.css';

export default function GuidePage() {
  const { code = '', guideId = '' } = useParams();
  const { language } = useLanguage();
  const g = useGuideText();
  const loaded = useAsync(() => getGuide(code, guideId, language), [code, guideId, language]);
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const items = useMemo(() => (loaded.status === 'done' ? evaluateGuide(loaded.value.guide, answers, new Set(Object.keys(loaded.value.online))) : []), [loaded, answers]);
  if (loaded.status === 'loading') return <Loading />;
  if (loaded.status === 'error') return <ErrorBlock error={loaded.error} onRetry={loaded.reload} />;
  const { guide, online } = loaded.value;
  const en = language === 'en';
  // The procedures that apply and are taken online here can be applied for together, sharing their common answers.
  const bundleIds = [...new Set(items.flatMap((i) => (i.online && i.procedureId ? [i.procedureId] : [])))];
  const title = en && guide.titleEn ? guide.titleEn : guide.title;
  return (
    <>
      <p className="breadcrumb">
        <Link to={`/m/${code}`}>{g('back')}</Link>
      </p>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="lead" lang={en ? 'ja' : undefined}>
        {guide.lead}
      </p>
      <section aria-labelledby="guide-questions">
        <h2 id="guide-questions" className="section__title">
          {g('questions')}
        </h2>
        {guide.questions.map((q) => (
          <fieldset key={q.id} className="guide-question">
            <legend className="guide-question__text">{en && q.textEn ? q.textEn : q.text}</legend>
            {q.help && (
              <p className="field__help" lang={en ? 'ja' : undefined}>
                {q.help}
              </p>
            )}
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
            const name = item.procedureId ? (online[item.procedureId] ?? item.title ?? item.procedureId) : item.title;
            return (
              <li key={`${item.procedureId ?? item.title}-${i}`} className="guide-item">
                <h3 className="guide-item__title" lang={en ? 'ja' : undefined}>
                  {name}
                  {item.online && <span className="badge badge--online">{g('onlineLabel')}</span>}
                </h3>
                <dl className="guide-item__facts" lang={en ? 'ja' : undefined}>
                  <dt>{g('why')}</dt>
                  <dd>{item.reason}</dd>
                  {item.deadline && (
                    <>
                      <dt>{g('deadline')}</dt>
                      <dd>{item.deadline}</dd>
                    </>
                  )}
                  {!item.online && item.where && (
                    <>
                      <dt>{g('where')}</dt>
                      <dd>{item.where}</dd>
                    </>
                  )}
                </dl>
                {item.online && item.procedureId && (
                  <Link className="button button--primary" to={`/m/${code}/p/${item.procedureId}`}>
                    {g('online')}
                  </Link>
                )}
              </li>
            );
          })}
        </ol>
        {bundleIds.length >= 2 && (
          <div className="guide-bundle">
            <p>{g('bundleLead', { n: bundleIds.length })}</p>
            <Link className="button button--primary button--wide" to={`/m/${code}/bundle?guide=${encodeURIComponent(guide.id)}&p=${bundleIds.map(encodeURIComponent).join(',')}`}>
              {g('bundle', { n: bundleIds.length })}
            </Link>
          </div>
        )}
      </section>
    </>
  );
}
