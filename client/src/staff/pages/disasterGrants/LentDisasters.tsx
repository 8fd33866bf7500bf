/**
 * 応援先の災害 on the console home (issue #20): the disasters of other
 * municipalities the signed-in account is lent to today, each linking to its
 * triage queue. Nothing is shown to accounts without a live grant.
 */
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useStaffText } from '../../i18n';
import { grantsApi, type MyDisasterGrant } from './grantsApi';

export function LentDisasters() {
  const t = useStaffText();
  const [items, setItems] = useState<MyDisasterGrant[]>([]);
  useEffect(() => {
    grantsApi.mine().then(
      (r) => setItems(r.items),
      () => setItems([]),
    );
  }, []);
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="lent-title" className="panel">
      <h2 id="lent-title">{t('lent.title')}</h2>
      <p className="field__hint">{t('lent.lead')}</p>
      <ul className="plain-list">
        {items.map((g) => (
          <li key={g.grantId}>
            <Link to={`/staff/disasters/${encodeURIComponent(g.disasterId)}/triage?municipality=${encodeURIComponent(g.municipalityCode)}`}>
              {t('lent.item', { municipality: g.municipalityName, disaster: g.disasterName })}
            </Link>
            {g.disasterStatus === 'closed' ? t('lent.closed') : ''}
            <br />
            <span className="field__hint">{t('lent.period', { from: g.fromDate, until: g.untilDate })}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
