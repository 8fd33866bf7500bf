/** API keys of back-office systems: created here, shown once, revocable. */
import { useEffect, useState, type FormEvent } from 'react';
import { useStaffText } from '../../i18n';
import { jst } from './inboxApi';
import { createKey, listKeys, revokeKey, type ApiKey } from './integrationsApi';

export function ApiKeysPanel({ code }: { code: string }) {
  const t = useStaffText();
  const [keys, setKeys] = useState<ApiKey[]>([]);
  const [name, setName] = useState('');
  const [scope, setScope] = useState('read');
  const [token, setToken] = useState('');
  const [error, setError] = useState('');
  const load = () => void listKeys(code).then(setKeys);
  useEffect(load, [code]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError('');
    try {
      const created = await createKey(code, name, scope);
      setToken(created.token);
      setName('');
      load();
    } catch (err) {
      setError((err as Error).message);
    }
  };
  return (
    <section aria-labelledby="keys-title">
      <h2 id="keys-title">{t('integrations.apiKeys.title')}</h2>
      <table className="table">
        <caption className="visually-hidden">{t('integrations.apiKeys.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('integrations.apiKeys.name')}</th>
            <th scope="col">{t('integrations.apiKeys.scope')}</th>
            <th scope="col">{t('integrations.apiKeys.created')}</th>
            <th scope="col">{t('integrations.apiKeys.lastUsed')}</th>
            <th scope="col">{t('common.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {keys.map((k) => (
            <tr key={k.id}>
              <th scope="row">{k.name}</th>
              <td>{k.scope === 'read' ? t('integrations.apiKeys.read') : t('integrations.apiKeys.readWrite')}</td>
              <td>{jst(k.createdAt)}</td>
              <td>{k.lastUsedAt ? jst(k.lastUsedAt) : '—'}</td>
              <td>
                {k.revokedAt ? (
                  t('integrations.apiKeys.revokedAt', { at: jst(k.revokedAt) })
                ) : (
                  <button type="button" className="button button--small" onClick={() => void revokeKey(code, k.id).then(load)}>
                    {t('integrations.apiKeys.revoke')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {token && (
        <div className="notice" role="status">
          <p>{t('integrations.apiKeys.newKeyLead')}</p>
          <input className="link-box" readOnly value={token} aria-label={t('integrations.apiKeys.newApiKey')} onFocus={(e) => e.target.select()} />
        </div>
      )}
      <form className="toolbar" onSubmit={submit}>
        <div className="field">
          <label htmlFor="key-name">{t('integrations.apiKeys.keyName')}</label>
          <input id="key-name" value={name} onChange={(e) => setName(e.target.value)} maxLength={100} required />
        </div>
        <div className="field">
          <label htmlFor="key-scope">{t('integrations.apiKeys.scope')}</label>
          <select id="key-scope" value={scope} onChange={(e) => setScope(e.target.value)}>
            <option value="read">{t('integrations.apiKeys.scopeRead')}</option>
            <option value="read-write">{t('integrations.apiKeys.scopeReadWrite')}</option>
          </select>
        </div>
        <div className="field">
          <button type="submit" className="button button--primary">
            {t('integrations.apiKeys.createKey')}
          </button>
        </div>
      </form>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
