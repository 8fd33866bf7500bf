/**
 * The procedures of the visit: all of a life event's procedures at once (as
 * the resident's guide offers them), or one by one from the municipality's
 * catalog; each can be taken out again. Keyboard first: native selects and buttons.
 */
import { useEffect, useState } from 'react';
import type { ProcedureSummary } from '@madoguchi/shared';
import { useLanguage } from '../../../common/i18n/LanguageContext';
import { catalogApi, type GuideSummary } from './counterApi';
import { MAX_PROCEDURES } from './counterLimits';
import { useCounterText } from './counterMessages';

export function ProcedurePicker(props: { code: string; procedureIds: string[]; guideId: string | null; disabled: boolean; onChange: (procedureIds: string[], guideId: string | null) => void }) {
  const { code, procedureIds, guideId, disabled, onChange } = props;
  const t = useCounterText();
  const { language } = useLanguage();
  const [guides, setGuides] = useState<GuideSummary[]>([]);
  const [catalog, setCatalog] = useState<ProcedureSummary[]>([]);
  const [adding, setAdding] = useState('');
  useEffect(() => {
    // Both lists arrive together: a guide picked before the catalog was known
    // would bring none of its procedures (the catalog says which are online).
    let current = true;
    void Promise.all([catalogApi.guides(code).catch(() => []), catalogApi.procedures(code).catch(() => [])]).then(([g, c]) => {
      if (!current) return;
      setGuides(g);
      setCatalog(c);
    });
    return () => {
      current = false;
    };
  }, [code, language]);
  const title = (id: string) => catalog.find((p) => p.id === id)?.title ?? id;
  const online = new Set(catalog.map((p) => p.id));

  const pickGuide = (id: string) => {
    const guide = guides.find((g) => g.id === id);
    const fromGuide = (guide?.procedureIds ?? []).filter((p) => online.has(p));
    onChange([...new Set([...procedureIds, ...fromGuide])].slice(0, MAX_PROCEDURES), id || null);
  };
  return (
    <div className="counter-picker">
      <div className="counter-picker__row">
        <div className="field">
          <label htmlFor="counter-guide">{t('guide')}</label>
          <select id="counter-guide" value={guideId ?? ''} disabled={disabled} onChange={(e) => pickGuide(e.target.value)}>
            <option value="">{t('guideNone')}</option>
            {guides.map((g) => (
              <option key={g.id} value={g.id}>
                {g.lifeEvent}：{g.title}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="counter-add">{t('addProcedure')}</label>
          <div className="counter-picker__add">
            <select id="counter-add" value={adding} disabled={disabled || procedureIds.length >= MAX_PROCEDURES} onChange={(e) => setAdding(e.target.value)}>
              <option value="">{t('addProcedurePlaceholder')}</option>
              {catalog
                .filter((p) => !procedureIds.includes(p.id))
                .map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.title}
                  </option>
                ))}
            </select>
            <button
              type="button"
              className="button"
              disabled={!adding || disabled}
              onClick={() => {
                onChange([...procedureIds, adding], guideId);
                setAdding('');
              }}
            >
              {t('addProcedure')}
            </button>
          </div>
        </div>
      </div>
      {procedureIds.length === 0 ? (
        <p>{t('noProcedures')}</p>
      ) : (
        <ol className="counter-picker__list">
          {procedureIds.map((id) => (
            <li key={id}>
              <span>{title(id)}</span>
              <button
                type="button"
                className="button button--small"
                disabled={disabled}
                aria-label={`${t('remove')}：${title(id)}`}
                onClick={() =>
                  onChange(
                    procedureIds.filter((p) => p !== id),
                    guideId,
                  )
                }
              >
                {t('remove')}
              </button>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
