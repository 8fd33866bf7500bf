/** 外部連携: API keys and webhooks for back-office systems, the delivery log, and retention (municipal admins). */
import { useEffect, useState } from 'react';
import { publicApi } from '../../api';
import { useSession } from '../../session';
import { useStaffText } from '../../i18n';
import { ApiKeysPanel } from './ApiKeysPanel';
import { WebhooksPanel } from './WebhooksPanel';
import { RetentionPanel } from './RetentionPanel';
import { PushPanel } from './PushPanel';
import './inbox.css';

export default function IntegrationsPage() {
  const t = useStaffText();
  const { session, can } = useSession();
  const code = session!.user!.municipalityCode!;
  const [procedures, setProcedures] = useState<Array<{ id: string; name: string }>>([]);
  useEffect(() => {
    void publicApi<{ items: Array<{ id: string; title: string }> }>(`/municipalities/${code}/procedures`).then((r) => setProcedures(r.items.map((p) => ({ id: p.id, name: p.title }))));
  }, [code]);
  return (
    <section aria-labelledby="integrations-title" className="integrations">
      <h1 id="integrations-title">{t('integrations.title')}</h1>
      <p>{t('integrations.lead')}</p>
      <ApiKeysPanel code={code} />
      <WebhooksPanel code={code} procedures={procedures} />
      <PushPanel code={code} procedures={procedures} />
      {can('retention.manage') && <RetentionPanel code={code} procedures={procedures} />}
    </section>
  );
}
