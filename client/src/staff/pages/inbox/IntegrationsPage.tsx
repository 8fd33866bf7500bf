/** 外部連携: API keys and webhooks for back-office systems, the delivery log, and retention (municipal admins). */
import { useEffect, useState } from 'react';
import { publicApi } from '../../api';
import { useSession } from '../../session';
import { useT } from '../../i18n';
import { ApiKeysPanel } from './ApiKeysPanel';
import { WebhooksPanel } from './WebhooksPanel';
import { RetentionPanel } from './RetentionPanel';
import './inbox.css';

export default function IntegrationsPage() {
  const t = useT();
  const { session, can } = useSession();
  const code = session!.user!.municipalityCode!;
  const [procedures, setProcedures] = useState<Array<{ id: string; name: string }>>([]);
  useEffect(() => {
    void publicApi<{ items: Array<{ id: string; title: string }> }>(`/municipalities/${code}/procedures`).then((r) => setProcedures(r.items.map((p) => ({ id: p.id, name: p.title }))));
  }, [code]);
  return (
    <section aria-labelledby="integrations-title" className="integrations">
      <h1 id="integrations-title">{t({ ja: '外部連携と保存期間', en: 'Integrations and retention' })}</h1>
      <p>
        {t({
          ja: '基幹系・ケース管理システムは、APIキーで申請を取得し（/api/v1/backoffice）、Webhookで到達や状況の変化を受け取れます。仕様は /api/v1/openapi.json にあります。',
          en: 'Back-office systems fetch submissions with an API key and receive webhooks. See /api/v1/openapi.json.',
        })}
      </p>
      <ApiKeysPanel code={code} />
      <WebhooksPanel code={code} procedures={procedures} />
      {can('retention.manage') && <RetentionPanel code={code} procedures={procedures} />}
    </section>
  );
}
