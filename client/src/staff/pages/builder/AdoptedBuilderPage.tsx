/**
 * An adopted preset in the builder: local edits layered over the preset
 * version (saved automatically), legally required items locked, publishing
 * as the municipality's own version, and taking preset updates.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { lockedAttachments, type AdoptionView } from '@madoguchi/shared';
import { ApiError } from '../../api';
import { useSession } from '../../session';
import { catalogApi, downloadJson } from './builderApi';
import { useBuilder } from './useBuilder';
import { useAutosave } from './useAutosave';
import { BuilderShell } from './BuilderShell';
import { PublishBox } from './PublishBox';
import { UpdateReview } from './UpdateReview';
import { useConfirm } from '../../ui/ConfirmDialog';

function AdoptedEditor({ initial, code, onReplaced }: { initial: AdoptionView; code: string; onReplaced: (view: AdoptionView, message?: string) => void }) {
  const { can } = useSession();
  const [view, setView] = useState(initial);
  const presetId = initial.presetId;
  const builder = useBuilder(initial.base, initial.layer.ops, true);
  const revision = useRef(initial.layer.revision);
  const save = useAutosave(builder.change, async () => {
    const next = await catalogApi.saveAdoption(code, presetId, builder.ops, revision.current);
    revision.current = next.layer.revision;
    setView(next);
  });
  const basedOn = { presetId, presetVersion: initial.layer.baseVersion };
  const live = view.layer.withdrawn ? '公開を停止しています（住民は申請できません）' : view.published ? `この市区町村の版（第${view.published.version}版）` : '全国共通のプリセット（変更なし）';

  const publish = async () => {
    await save.flush();
    const res = await catalogApi.publishAdoption(code, presetId);
    setView(await catalogApi.adoption(code, presetId));
    const done = res.unchanged ? '公開中の版と同じ内容のため、新しい版は作りませんでした。' : `第${res.version}版として公開しました。住民の画面に反映されています。`;
    return [done, ...(res.warnings ?? [])].join(' ');
  };
  const [confirmDialog, confirm] = useConfirm();
  const setWithdrawn = async (withdrawn: boolean) => {
    if (withdrawn) {
      const ok = await confirm({
        title: `「${builder.document.procedure.title}」の公開を停止しますか`,
        body: (
          <p>
            公開を停止すると、住民はこの手続を開けなくなり、申請もできなくなります（手続のページは「見つかりません」になります）。すでに受け付けた申請は受付箱に残ります。「公開を再開する」でいつでも戻せます。
          </p>
        ),
        action: '公開を停止する',
      });
      if (!ok) return;
    }
    await catalogApi.setWithdrawn(code, presetId, withdrawn);
    setView(await catalogApi.adoption(code, presetId));
  };

  return (
    <BuilderShell
      heading={`「${builder.document.procedure.title}」の編集`}
      intro={
        <>
          <p className="field__hint">
            全国共通のプリセット（第{initial.layer.baseVersion}版）に、この市区町村の変更を重ねています。<Link to="/staff/procedures">手続の一覧へ戻る</Link>
          </p>
          {view.update && (
            <details className="update-banner" open>
              <summary>プリセットの新しい版（第{view.update.toVersion}版）があります。内容を確認して取り込めます。</summary>
              <UpdateReview
                code={code}
                presetId={presetId}
                update={view.update}
                canPublish={can('catalog.publish')}
                beforeTake={async () => (await save.flush(), revision.current)}
                onTaken={(next, published) => onReplaced(next, published ? `更新を取り込み、第${published}版として公開しました。` : '更新を取り込みました。変更は新しい版に引き継がれています。')}
              />
            </details>
          )}
        </>
      }
      builder={builder}
      owner={code}
      basedOn={basedOn}
      locks={initial.locks}
      presetSignature={initial.base.procedure}
      lockedAttachmentIds={lockedAttachments(initial.base).map((a) => a.id)}
      save={save}
      serverProblems={view.problems}
      showEdits
      capacityHref={view.published && !view.layer.withdrawn ? `/staff/procedures/capacity/${encodeURIComponent(presetId)}` : undefined}
      publish={(problems) => (
        <PublishBox canPublish={can('catalog.publish')} problems={problems} live={live} onPublish={publish}>
          <div className="builder-row">
            <button type="button" className="button" onClick={() => void catalogApi.exportAdoption(code, presetId).then((f) => downloadJson(`${presetId}.json`, f))}>
              JSONで書き出す
            </button>
            {can('catalog.publish') && (
              <button type="button" className="button" onClick={() => void setWithdrawn(!view.layer.withdrawn)}>
                {view.layer.withdrawn ? '公開を再開する' : '公開を停止する（住民が申請できなくなります）'}
              </button>
            )}
          </div>
          {confirmDialog}
        </PublishBox>
      )}
    />
  );
}

export default function AdoptedBuilderPage() {
  const { presetId = '' } = useParams();
  const { session, can } = useSession();
  const code = session?.municipality?.code ?? '';
  const [view, setView] = useState<AdoptionView | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const load = useCallback(() => {
    setError(null);
    catalogApi.adoption(code, presetId).then(setView, (e: unknown) => setError(e instanceof ApiError ? e : new ApiError(0, 'network', String(e))));
  }, [code, presetId]);
  useEffect(load, [load]);

  if (error?.code === 'not_adopted') {
    return (
      <section>
        <h1>この手続はまだ採用されていません</h1>
        <p>採用すると、全国共通の内容に、この市区町村の文言・項目・添付書類・問い合わせ先などを加えられます。</p>
        {can('catalog.edit') && (
          <button type="button" className="button button--primary" onClick={() => void catalogApi.adopt(code, presetId).then(setView)}>
            採用して編集する
          </button>
        )}
      </section>
    );
  }
  if (error)
    return (
      <p className="form-error" role="alert">
        {error.message}
      </p>
    );
  if (!view) return <p>読み込み中…</p>;
  return (
    <>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <AdoptedEditor
        key={`${view.layer.baseVersion}:${view.layer.revision}`}
        initial={view}
        code={code}
        onReplaced={(next, message) => {
          setView(next);
          setNotice(message ?? null);
          load(); // what is live may have changed too
        }}
      />
    </>
  );
}
