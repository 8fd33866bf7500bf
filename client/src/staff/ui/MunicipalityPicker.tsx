/** Choose a municipality by name or reading (「みと」 finds 水戸市), for platform admins. */
import { useEffect, useState } from 'react';
import { publicApi } from '../api';
import { useT } from '../i18n';

interface Municipality {
  code: string;
  prefecture: string;
  name: string;
}

export function MunicipalityPicker({ value, onChange }: { value: string; onChange: (code: string) => void }) {
  const t = useT();
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
      <label htmlFor="municipality-search">{t({ ja: '自治体を検索', en: 'Find a municipality' })}</label>
      <input id="municipality-search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t({ ja: '例：みと、水戸', en: 'e.g. mito, 水戸' })} />
      <label htmlFor="municipality-code">{t({ ja: '自治体', en: 'Municipality' })}</label>
      <select id="municipality-code" value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t({ ja: '選択してください', en: 'Choose' })}</option>
        {items.map((m) => (
          <option key={m.code} value={m.code}>{`${m.prefecture} ${m.name}（${m.code}）`}</option>
        ))}
      </select>
    </div>
  );
}
