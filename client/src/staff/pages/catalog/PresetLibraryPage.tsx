/** プリセット (platform admins): the national preset library, each template opening in the builder. */
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { PresetSummary } from '@madoguchi/shared';
import { ApiError } from '../../api';
import { catalogApi } from '../builder/builderApi';

export default function PresetLibraryPage() {
  const [items, setItems] = useState<PresetSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    catalogApi.presets().then(
      (r) => setItems(r.items),
      (e: unknown) => setError(e instanceof ApiError ? e.message : String(e)),
    );
  }, []);
  return (
    <section aria-labelledby="presets-title">
      <h1 id="presets-title">プリセット</h1>
      <p>全国共通の手続のひな形です。編集して新しい版を公開すると、採用している市区町村に更新として届きます（各市区町村の変更は引き継がれます）。</p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {!items ? (
        <p>読み込み中…</p>
      ) : (
        <table className="table">
          <caption>プリセット（{items.length}件）</caption>
          <thead>
            <tr>
              <th scope="col">手続</th>
              <th scope="col">公開中の版</th>
              <th scope="col">採用している市区町村</th>
              <th scope="col">操作</th>
            </tr>
          </thead>
          <tbody>
            {items.map((p) => (
              <tr key={p.id}>
                <th scope="row">
                  {p.title}
                  <br />
                  <code className="field__hint">{p.id}</code>
                </th>
                <td>
                  第{p.version}版{p.pendingEdits > 0 && <span className="badge">未公開の変更 {p.pendingEdits}件</span>}
                </td>
                <td>{p.adoptedBy}</td>
                <td>
                  <Link className="button button--small" to={`/staff/presets/${encodeURIComponent(p.id)}`} aria-label={`「${p.title}」を編集`}>
                    編集
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
