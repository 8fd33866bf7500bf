/** API keys of back-office systems: created here, shown once, revocable. */
import { useEffect, useState, type FormEvent } from 'react';
import { useT } from '../../i18n';
import { jst } from './inboxApi';
import { createKey, listKeys, revokeKey, type ApiKey } from './integrationsApi';

export function ApiKeysPanel({ code }: { code: string }) {
  const t = useT();
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
      <h2 id="keys-title">{t({ ja: 'APIキー', en: 'API keys' })}</h2>
      <table className="table">
        <caption className="visually-hidden">{t({ ja: 'APIキーの一覧', en: 'API keys' })}</caption>
        <thead>
          <tr>
            <th scope="col">{t({ ja: '名前', en: 'Name' })}</th>
            <th scope="col">{t({ ja: '権限', en: 'Scope' })}</th>
            <th scope="col">{t({ ja: '作成', en: 'Created' })}</th>
            <th scope="col">{t({ ja: '最終利用', en: 'Last used' })}</th>
            <th scope="col">{t({ ja: '操作', en: 'Actions' })}</th>
          </tr>
        </thead>
        <tbody>
          {keys.map((k) => (
            <tr key={k.id}>
              <th scope="row">{k.name}</th>
              <td>{k.scope === 'read' ? t({ ja: '参照のみ', en: 'Read' }) : t({ ja: '参照・状況変更', en: 'Read and write' })}</td>
              <td>{jst(k.createdAt)}</td>
              <td>{k.lastUsedAt ? jst(k.lastUsedAt) : '—'}</td>
              <td>
                {k.revokedAt ? (
                  t({ ja: `失効（${jst(k.revokedAt)}）`, en: 'Revoked' })
                ) : (
                  <button type="button" className="button button--small" onClick={() => void revokeKey(code, k.id).then(load)}>
                    {t({ ja: '失効させる', en: 'Revoke' })}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {token && (
        <div className="notice" role="status">
          <p>{t({ ja: 'APIキーを発行しました。この画面を閉じると二度と表示されません。基幹システムに設定してください。', en: 'Key created. It is shown only now.' })}</p>
          <input className="link-box" readOnly value={token} aria-label={t({ ja: '発行したAPIキー', en: 'New API key' })} onFocus={(e) => e.target.select()} />
        </div>
      )}
      <form className="toolbar" onSubmit={submit}>
        <div className="field">
          <label htmlFor="key-name">{t({ ja: 'キーの名前（接続するシステム）', en: 'Name' })}</label>
          <input id="key-name" value={name} onChange={(e) => setName(e.target.value)} maxLength={100} required />
        </div>
        <div className="field">
          <label htmlFor="key-scope">{t({ ja: '権限', en: 'Scope' })}</label>
          <select id="key-scope" value={scope} onChange={(e) => setScope(e.target.value)}>
            <option value="read">{t({ ja: '参照のみ（取得・受領確認）', en: 'Read (fetch, acknowledge)' })}</option>
            <option value="read-write">{t({ ja: '参照・状況変更', en: 'Read and move status' })}</option>
          </select>
        </div>
        <div className="field">
          <button type="submit" className="button button--primary">
            {t({ ja: 'APIキーを発行', en: 'Create key' })}
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
