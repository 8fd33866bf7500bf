/**
 * A municipality's procedures, found the way ぴったりサービス offers: by life
 * event, by area and by keyword. Filters live in the URL, so Back works.
 */
import { useMemo, Suspense, lazy } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import type { LifeEvent, ProcedureCategory, ProcedureSummary } from '@madoguchi/shared';
import { PageHeading } from '../../common/PageHeading';
import { useLanguage } from '../../common/i18n/LanguageContext';
import { getMunicipality, listProcedures } from '../../common/api/residentApi';
import { useAsync } from '../../common/useAsync';
import { ErrorBlock, Loading } from '../../common/StatusMessages';
import { rememberMunicipality } from '../municipality/rememberedMunicipality';
import { CATEGORY_LABELS, LIFE_EVENT_LABELS, labelIn } from './labels';
import { filterProcedures } from './filterProcedures';
import { inLanguage } from '../../common/i18n/inLanguage';
import { ReceptionBadge } from '../procedure/Reception';

function FilterGroup({ legend, name, options, value, onChange }: { legend: string; name: string; options: Array<[string, string]>; value: string; onChange: (v: string) => void }) {
  return (
    <fieldset className="chips">
      <legend className="chips__legend">{legend}</legend>
      {options.map(([key, label]) => (
        <label key={key} className="chip">
          <input type="radio" name={name} value={key} checked={value === key} onChange={() => onChange(key)} />
          <span>{label}</span>
        </label>
      ))}
    </fieldset>
  );
}

function ProcedureCard({ code, p }: { code: string; p: ProcedureSummary }) {
  const { t, language } = useLanguage();
  const title = inLanguage(language, p.title, p.titleEn);
  const description = inLanguage(language, p.description, p.descriptionEn);
  return (
    <li className="procedure-card">
      <h3 className="procedure-card__title" lang={title.lang}>
        <Link to={`/m/${code}/p/${p.id}`}>{title.text}</Link>
      </h3>
      <p className="procedure-card__description" lang={description.lang}>
        {description.text}
      </p>
      <p className="procedure-card__tags">
        <span className="tag">{labelIn(CATEGORY_LABELS[p.category], language)}</span>
        {p.signaturePolicy === 'required' && <span className="tag tag--muted">{t('catalog.signatureRequired')}</span>}
        <ReceptionBadge state={p.receptionState} />
      </p>
    </li>
  );
}

const GuideLinks = lazy(() => import('../guides/GuideLinks'));

export default function CatalogPage() {
  const { code = '' } = useParams();
  const { t, language } = useLanguage();
  const [params, setParams] = useSearchParams();
  const loaded = useAsync(async () => {
    const [municipality, procedures] = await Promise.all([getMunicipality(code, language), listProcedures(code, language)]);
    rememberMunicipality(municipality);
    return { municipality, procedures };
  }, [code, language]);
  const query = params.get('q') ?? '';
  const lifeEvent = params.get('event') ?? '';
  const category = params.get('category') ?? '';
  const setParam = (key: string, value: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: key === 'q' },
    );
  const procedures = loaded.status === 'done' ? loaded.value.procedures : undefined;
  const shown = useMemo(() => filterProcedures(procedures ?? [], { query, lifeEvent, category }), [procedures, query, lifeEvent, category]);
  if (loaded.status === 'loading') return <Loading />;
  if (loaded.status === 'error') return <ErrorBlock error={loaded.error} onRetry={loaded.reload} />;
  const { municipality } = loaded.value;
  // The label maps list every life event and category (the compiler checks it), in display order.
  const events = (Object.keys(LIFE_EVENT_LABELS) as LifeEvent[]).filter((e) => loaded.value.procedures.some((p) => p.lifeEvents.includes(e)));
  const categories = (Object.keys(CATEGORY_LABELS) as ProcedureCategory[]).filter((c) => loaded.value.procedures.some((p) => p.category === c));
  const all: [string, string] = ['', t('catalog.all')];
  return (
    <>
      <p className="breadcrumb">
        {municipality.prefecture}・<Link to="/">{t('catalog.change')}</Link>
      </p>
      <PageHeading title={t('catalog.title', { name: municipality.name })}>{t('catalog.title', { name: municipality.name })}</PageHeading>
      {/* The front door: 「ライフイベントから探す」 first (its own small chunk, loaded on this page only). */}
      <Suspense fallback={null}>
        <GuideLinks code={code} />
      </Suspense>
      <form role="search" className="search" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor="procedure-query" className="field__label">
          {t('catalog.searchLabel')}
        </label>
        <p id="procedure-query-help" className="field__help">
          {t('catalog.searchHelp')}
        </p>
        <input
          id="procedure-query"
          className="input search__input"
          type="search"
          enterKeyHint="search"
          value={query}
          aria-describedby="procedure-query-help"
          onChange={(e) => setParam('q', e.target.value)}
        />
      </form>
      <FilterGroup
        legend={t('catalog.filterByLifeEvent')}
        name="event"
        value={lifeEvent}
        onChange={(v) => setParam('event', v)}
        options={[all, ...events.map((e): [string, string] => [e, labelIn(LIFE_EVENT_LABELS[e], language)])]}
      />
      <FilterGroup
        legend={t('catalog.byCategory')}
        name="category"
        value={category}
        onChange={(v) => setParam('category', v)}
        options={[all, ...categories.map((c): [string, string] => [c, labelIn(CATEGORY_LABELS[c], language)])]}
      />
      {/* The count is announced as the filters change (a live region beside the heading, not the heading itself). */}
      <h2 className="section__title">{t('catalog.results')}</h2>
      <p className="result-count" role="status">
        {t('catalog.count', { n: shown.length })}
      </p>
      {shown.length === 0 ? (
        <div className="notice">
          <p>{t('catalog.none')}</p>
          <button type="button" className="button button--secondary" onClick={() => setParams(new URLSearchParams())}>
            {t('catalog.clearFilters')}
          </button>
        </div>
      ) : (
        <ul className="procedure-list">
          {shown.map((p) => (
            <ProcedureCard key={p.id} code={code} p={p} />
          ))}
        </ul>
      )}
    </>
  );
}
