/**
 * 手続: the municipality's catalog — its own procedures, the presets it
 * adopted (with local edits, updates waiting) and the national presets it
 * offers as they are; new ones from scratch, a file or a template. Each row leads to the builder.
 */
import { useEffect, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { receptionSummary, type CatalogEntry } from '@madoguchi/shared';
import { ApiError } from '../../api';
import { useSession } from '../../session';
import { catalogApi } from '../builder/builderApi';
import { ImportForm, NewProcedureForm } from './NewProcedureForms';
import { TemplateList } from './TemplateList';
import '../builder/builder.css';

function offered(e: CatalogEntry): string {
  if (e.offered === 'none') return e.adoption?.withdrawn ? '公開停止中' : '未公開';
  if (e.offered === 'preset') return '全国共通の内容で公開中';
  return `この市区町村の版（第${e.published?.version}版）で公開中`;
}

function Rows({ entries, code }: { entries: CatalogEntry[]; code: string }) {
  const navigate = useNavigate();
  const { can } = useSession();
  const [busy, setBusy] = useState<string | null>(null);
  const adopt = async (id: string) => {
    setBusy(id);
    await catalogApi.adopt(code, id);
    await navigate(`/staff/procedures/adopted/${encodeURIComponent(id)}`);
  };
  return (
    <tbody>
      {entries.map((e) => (
        <tr key={e.id}>
          <th scope="row">
            {e.title}
            <br />
            <code className="field__hint">{e.id}</code>
          </th>
          <td>
            {offered(e)}
            {e.adoption?.updateAvailable && <span className="badge badge--update">プリセットの更新あり</span>}
            {e.unpublishedChanges && <span className="badge">未公開の変更あり</span>}
            {e.reception && <p className="field__hint">受付期間: {receptionSummary(e.reception)}</p>}
          </td>
          <td>
            <div className="table__actions">
              {e.source === 'national' ? (
                can('catalog.edit') && (
                  <button type="button" className="button button--small" disabled={busy === e.id} onClick={() => void adopt(e.id)} aria-label={`「${e.title}」を採用して編集`}>
                    採用して編集
                  </button>
                )
              ) : (
                <Link className="button button--small" to={`/staff/procedures/${e.source === 'own' ? 'own' : 'adopted'}/${encodeURIComponent(e.id)}`} aria-label={`「${e.title}」を編集`}>
                  編集
                </Link>
              )}
              {e.offered === 'local' && can('inbox.read') && (
                <Link className="button button--small" to={`/staff/procedures/capacity/${encodeURIComponent(e.id)}`} aria-label={`「${e.title}」の定員と予約状況`}>
                  定員
                </Link>
              )}
            </div>
          </td>
        </tr>
      ))}
    </tbody>
  );
}

export default function CatalogPage() {
  const { session, can } = useSession();
  const code = session?.municipality?.code;
  const [entries, setEntries] = useState<CatalogEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (code)
      catalogApi.list(code).then(
        (r) => setEntries(r.items),
        (e: unknown) => setError(e instanceof ApiError ? e.message : String(e)),
      );
  }, [code]);
  if (!code) {
    return (
      <section>
        <h1>手続</h1>
        <p>
          手続の一覧は市区町村ごとです。全国共通のプリセットの編集は<Link to="/staff/presets">プリセット</Link>から行えます。
        </p>
      </section>
    );
  }
  const groups: Array<[string, CatalogEntry['source']]> = [
    ['この市区町村の手続', 'own'],
    ['採用したプリセット（この市区町村の変更あり）', 'adopted'],
    ['全国共通のプリセット', 'national'],
  ];
  return (
    <section className="catalog-page" aria-labelledby="catalog-title">
      <h1 id="catalog-title">手続</h1>
      <p>
        住民がオンラインで申請できる手続です。全国共通のプリセットは「採用して編集」すると、文言・項目・添付書類・問い合わせ先などをこの市区町村に合わせられます（法令で定められた項目は削除できません）。
      </p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {can('catalog.edit') && (
        <div className="catalog-page__new">
          <NewProcedureForm code={code} />
          <ImportForm code={code} />
        </div>
      )}
      {can('catalog.edit') && <TemplateList code={code} />}
      {!entries ? (
        <p>読み込み中…</p>
      ) : (
        groups.map(([title, source]) => {
          const list = entries.filter((e) => e.source === source);
          return list.length === 0 ? null : (
            <table className="table" key={source}>
              <caption>
                {title}（{list.length}件）
              </caption>
              <thead>
                <tr>
                  <th scope="col">手続</th>
                  <th scope="col">住民への表示</th>
                  <th scope="col">操作</th>
                </tr>
              </thead>
              <Rows entries={list} code={code} />
            </table>
          );
        })
      )}
    </section>
  );
}
