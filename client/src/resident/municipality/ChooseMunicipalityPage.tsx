/**
 * Step one: which municipality. Search by name or reading (「みと」 finds
 * 水戸市) or pick a prefecture and then the municipality. The choice is
 * remembered for the next visit.
 */
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Municipality } from '@madoguchi/shared';
import { PageHeading } from '../../common/PageHeading';
import { useLanguage } from '../../common/i18n/LanguageContext';
import { listPrefectures, municipalitiesIn, searchMunicipalities } from '../../common/api/residentApi';
import { readRememberedMunicipality, rememberMunicipality } from './rememberedMunicipality';
import { ErrorBlock } from '../../common/StatusMessages';

/** Romaji (「mito」) is read as hiragana, so visitors without a Japanese keyboard can search too. */
async function searchableQuery(q: string): Promise<string> {
  if (!/^[a-z\s'-]+$/i.test(q)) return q;
  const { toHiragana } = await import('wanakana');
  return toHiragana(q.toLowerCase());
}

function MunicipalityLinks({ items, onPick }: { items: Municipality[]; onPick: (m: Municipality) => void }) {
  return (
    <ul className="link-list">
      {items.map((m) => (
        <li key={m.code}>
          <Link to={`/m/${m.code}`} onClick={() => onPick(m)} className="link-list__link">
            <span className="link-list__main">{m.name}</span>
            <span className="link-list__sub">
              {m.prefecture}・{m.reading}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

export default function ChooseMunicipalityPage() {
  const { t, language } = useLanguage();
  const navigate = useNavigate();
  const remembered = readRememberedMunicipality();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<Municipality[] | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [prefectures, setPrefectures] = useState<string[]>([]);
  const [prefecture, setPrefecture] = useState('');
  const [inPrefecture, setInPrefecture] = useState<Municipality[]>([]);

  // Search as the resident types (debounced), cancelling the previous request.
  useEffect(() => {
    const q = query.trim();
    if (q === '') {
      setResults(null);
      return;
    }
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      searchableQuery(q)
        .then((query) => searchMunicipalities(query, language, controller.signal))
        .then(
          (items) => {
            setResults(items);
            setError(null);
          },
          (e: Error) => e.name !== 'AbortError' && setError(e),
        );
    }, 250);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [query, language]);

  useEffect(() => {
    listPrefectures(language).then(setPrefectures, setError);
  }, [language]);

  useEffect(() => {
    if (!prefecture) return setInPrefecture([]);
    municipalitiesIn(prefecture, language).then(setInPrefecture, setError);
  }, [prefecture, language]);

  const pick = (m: Municipality) => rememberMunicipality(m);

  return (
    <>
      <PageHeading title={t('choose.title')}>{t('choose.title')}</PageHeading>
      <p className="lead">{t('choose.lead')}</p>
      {remembered && (
        <section className="card card--highlight" aria-labelledby="remembered-heading">
          <h2 id="remembered-heading" className="card__title">
            {t('choose.remembered')}
          </h2>
          <p className="card__big">
            {remembered.name}
            <span className="card__muted">（{remembered.prefecture}）</span>
          </p>
          <button type="button" className="button button--primary" onClick={() => navigate(`/m/${remembered.code}`)}>
            {t('choose.useRemembered', { name: remembered.name })}
          </button>
        </section>
      )}
      <section aria-labelledby="search-heading" className="section">
        <h2 id="search-heading" className="section__title">
          {t('choose.searchLabel')}
        </h2>
        <form role="search" onSubmit={(e) => e.preventDefault()} className="search">
          <label htmlFor="municipality-query" className="visually-hidden">
            {t('choose.searchLabel')}
          </label>
          <p id="municipality-query-help" className="field__help">
            {t('choose.searchHelp')}
          </p>
          <input
            id="municipality-query"
            className="input search__input"
            type="search"
            enterKeyHint="search"
            autoComplete="off"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            aria-describedby="municipality-query-help"
          />
        </form>
        <p role="status" className="result-count">
          {results === null ? '' : results.length ? t('choose.results', { n: results.length }) : t('choose.noResults')}
        </p>
        {results && results.length > 0 && <MunicipalityLinks items={results} onPick={pick} />}
        {error && <ErrorBlock error={error} />}
      </section>
      <section aria-labelledby="prefecture-heading" className="section">
        <h2 id="prefecture-heading" className="section__title">
          {t('choose.byPrefecture')}
        </h2>
        <label htmlFor="prefecture" className="field__label">
          {t('choose.prefecture')}
        </label>
        <select id="prefecture" className="select" value={prefecture} onChange={(e) => setPrefecture(e.target.value)}>
          <option value="">{t('choose.pickPrefecture')}</option>
          {prefectures.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
        {inPrefecture.length > 0 && (
          <>
            <h3 className="subsection__title">{t('choose.municipalitiesIn', { prefecture })}</h3>
            <MunicipalityLinks items={inPrefecture} onPick={pick} />
          </>
        )}
      </section>
    </>
  );
}
