/**
 * A preset update for an adopted procedure: what changed (release notes and
 * a diff), what happens to each local edit on the new version, a keep/drop
 * choice for every edit that no longer fits, and one button that takes it.
 */
import { useEffect, useState } from 'react';
import type { AdoptionView, Decision, PresetUpdateInfo, UpdatePreview } from '@madoguchi/shared';
import { ApiError } from '../../api';
import { catalogApi } from './builderApi';
import { DiffView } from './DiffView';

const STATUS: Record<string, string> = { reapplied: 'そのまま引き継ぎます', kept: '残します', dropped: '取り消します', obsolete: '新しい版に同じ内容があるため不要です', conflict: '選んでください' };

interface Props {
  code: string;
  presetId: string;
  update: PresetUpdateInfo;
  canPublish: boolean;
  /** Saves pending edits and returns the layer's current revision. */
  beforeTake: () => Promise<number>;
  onTaken: (view: AdoptionView, published: number | null) => void;
}

export function UpdateReview({ code, presetId, update, canPublish, beforeTake, onTaken }: Props) {
  const [decisions, setDecisions] = useState<Record<string, Decision>>({});
  const [preview, setPreview] = useState<UpdatePreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    catalogApi.previewUpdate(code, presetId, decisions).then(setPreview, (e: unknown) => setError(e instanceof ApiError ? e.message : String(e)));
  }, [code, presetId, decisions]);

  const take = async (publish: boolean) => {
    setBusy(true);
    setError(null);
    try {
      const revision = await beforeTake();
      const view = await catalogApi.takeUpdate(code, presetId, decisions, revision);
      const published = publish ? (await catalogApi.publishAdoption(code, presetId)).version : null;
      onTaken(view, published);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : '更新を取り込めませんでした。');
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="update-review" aria-labelledby="update-title">
      <h2 id="update-title">
        プリセットの更新（第{update.fromVersion}版 → 第{update.toVersion}版）
      </h2>
      {update.releases.map((r) => (
        <p key={r.version} className="notice">
          <strong>第{r.version}版の変更内容：</strong>
          {r.note}
        </p>
      ))}
      <h3>変わったところ</h3>
      <DiffView diff={update.diff} />
      <h3>この市区町村の変更の扱い</h3>
      {!preview ? (
        <p>確認しています…</p>
      ) : preview.outcomes.length === 0 ? (
        <p>この市区町村で加えた変更はありません。</p>
      ) : (
        <ul className="outcome-list">
          {preview.outcomes.map((o) => (
            <li key={o.opId} className={`outcome outcome--${o.status}`}>
              <span>{o.description}</span>：<strong>{STATUS[o.status]}</strong>
              {o.conflict && (
                <fieldset className="builder-fieldset">
                  <legend>{o.conflict.message}</legend>
                  {o.conflict.choices.map((c) => (
                    <span className="checkbox" key={c}>
                      <input type="radio" id={`decision-${o.opId}-${c}`} name={`decision-${o.opId}`} checked={decisions[o.opId] === c} onChange={() => setDecisions({ ...decisions, [o.opId]: c })} />
                      <label htmlFor={`decision-${o.opId}-${c}`}>{c === 'keep' ? 'この変更を残す' : 'この変更を取り消す（新しい版に合わせる）'}</label>
                    </span>
                  ))}
                </fieldset>
              )}
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {preview && preview.unresolved > 0 && <p className="field__error">あと{preview.unresolved}件、残すか取り消すかを選んでください。</p>}
      <div className="builder-row">
        {canPublish && (
          <button type="button" className="button button--primary" disabled={busy || !preview || preview.unresolved > 0} onClick={() => void take(true)}>
            更新を取り込んで公開
          </button>
        )}
        <button type="button" className="button" disabled={busy || !preview || preview.unresolved > 0} onClick={() => void take(false)}>
          更新を取り込む（公開はあとで）
        </button>
      </div>
    </section>
  );
}
