/** Choose a municipality by name or reading (「みと」 finds 水戸市), for platform admins. */
import { useEffect, useState } from 'react';
import { publicApi } from '../api';
import { useStaffText } from '../i18n';

interface Municipality {
  code: string;
  prefecture: string;
  name: string;
}

export function MunicipalityPicker({ value, onChange }: { value: string; onChange: (code: string) => void }) {
  const t = useStaffText();
  const [query, setQuery] = useState('');
  const [items, setItems] = useState<Municipality[]>([]);
  useEffect(() => {
    if (!query.trim()) return setItems([]);
    const timer = setTimeout(() => {
      publicApi<{ items: Municipality[] }>(`/municipalities?q=${encodeURIComponent(query)}`).then(
        (r) => setItems(r.items),
        () => setItems([]),
      );
    }, 200);
    return () => clearTimeout(timer);
  }, [query]);
  return (
    <div className="field">
      <label htmlFor="municipality-search">{t('municipalityPicker.findMunicipality')}</label>
      <input id="municipality-search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t('municipalityPicker.queryExample')} />
      <label htmlFor="municipality-code">{t('municipalityPicker.municipality')}</label>
      <select id="municipality-code" value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('municipalityPicker.choose')}</option>
        {items.map((m) => (
          <option key={m.code} value={m.code}>{`${m.prefecture} ${m.name}（${m.code}）`}</option>
        ))}
      </select>
    </div>
  );
}
