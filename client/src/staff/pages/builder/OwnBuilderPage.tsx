/**
 * A procedure of the municipality's own in the builder: the draft is saved
 * automatically; publishing makes it a new immutable version. Versions,
 * export, duplicate and retire are on the 「確認と公開」 panel.
 */
import { useEffect, useRef, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { useForm } from 'react-hook-form';
import { finalizeDocument, type OwnProcedureView } from '@madoguchi/shared';
import { ApiError } from '../../api';
import { useSession } from '../../session';
import { catalogApi, downloadJson } from './builderApi';
import { useBuilder } from './useBuilder';
import { useAutosave } from './useAutosave';
import { BuilderShell } from './BuilderShell';
import { PublishBox } from './PublishBox';
import { useConfirm } from '../../ui/ConfirmDialog';

const STATUS: Record<string, string> = { draft: '下書き', published: '公開中', retired: '公開終了' };

function DuplicateForm({ code, id }: { code: string; id: string }) {
  const navigate = useNavigate();
  const { register, handleSubmit, formState } = useForm<{ newId: string; title: string }>();
  const [error, setError] = useState<string | null>(null);
  const submit = handleSubmit(async (v) => {
    try {
      await catalogApi.duplicateOwn(code, id, v.newId.trim(), v.title.trim());
      await navigate(`/staff/procedures/own/${encodeURIComponent(v.newId.trim())}`);
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    }
  });
  return (
    <details className="builder-details">
      <summary>複製して新しい手続を作る</summary>
      <form onSubmit={submit} noValidate>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="field">
          <label htmlFor="dup-id">新しい手続のID（半角英小文字・数字・ハイフン）</label>
          <input id="dup-id" {...register('newId', { required: 'IDを入力してください。' })} />
        </div>
        <div className="field">
          <label htmlFor="dup-title">新しい手続の名称</label>
          <input id="dup-title" {...register('title', { required: '名称を入力してください。' })} />
        </div>
        <button type="submit" className="button" disabled={formState.isSubmitting}>
          複製する
        </button>
      </form>
    </details>
  );
}

function OwnEditor({ initial, code }: { initial: OwnProcedureView; code: string }) {
  const { can } = useSession();
  const [view, setView] = useState(initial);
  const id = initial.procedureId;
  const builder = useBuilder(initial.document, [], false);
  const baseHash = useRef(initial.latest.contentHash);
  const save = useAutosave(builder.change, async () => {
    const next = await catalogApi.saveOwn(code, id, finalizeDocument(builder.document, code), baseHash.current);
    baseHash.current = next.latest.contentHash;
    setView(next);
  });
  const live = view.published ? `第${view.published.version}版（${view.latest.status === 'draft' ? '未公開の変更があります' : '最新'}）` : 'まだ公開していません';

  const publish = async () => {
    await save.flush();
    const res = await catalogApi.publishOwn(code, id);
    const next = await catalogApi.own(code, id);
    baseHash.current = next.latest.contentHash;
    setView(next);
    return [`第${res.version}版として公開しました。住民の画面に反映されています。`, ...(res.warnings ?? [])].join(' ');
  };
  const [confirmDialog, confirm] = useConfirm();
  // Right after an import: what was adapted or left out (the import form passes it along).
  const importNotes = (useLocation().state as { importNotes?: string[] } | null)?.importNotes ?? [];
  const retire = async () => {
    const ok = await confirm({
      title: `「${builder.document.procedure.title}」の公開を終了しますか`,
      body: (
        <p>
          公開を終了すると、住民はこの手続を開けなくなり、申請もできなくなります（手続のページは「見つかりません」になります）。すでに受け付けた申請は受付箱に残り、処理を続けられます。もう一度公開すれば、また受け付けられます。
        </p>
      ),
      action: '公開を終了する',
    });
    if (!ok) return;
    await catalogApi.retireOwn(code, id);
    setView(await catalogApi.own(code, id));
  };

  return (
    <BuilderShell
      heading={`「${builder.document.procedure.title}」の編集`}
      intro={
        <>
          <p className="field__hint">
            この市区町村独自の手続です。変更は自動で下書きに保存されます。<Link to="/staff/procedures">手続の一覧へ戻る</Link>
          </p>
          {importNotes.length > 0 && (
            <div className="notice" role="status">
              <p>読み込みで調整したこと・読み込めなかったこと：</p>
              <ul>
                {importNotes.map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>
            </div>
          )}
        </>
      }
      builder={builder}
      owner={code}
      locks={[]}
      lockedAttachmentIds={[]}
      save={save}
      serverProblems={view.problems}
      showEdits={false}
      capacityHref={view.published ? `/staff/procedures/capacity/${encodeURIComponent(id)}` : undefined}
      publish={(problems) => (
        <PublishBox canPublish={can('catalog.publish')} problems={problems} live={live} onPublish={publish}>
          <h3>版の一覧</h3>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">版</th>
                <th scope="col">状態</th>
                <th scope="col">公開日時</th>
              </tr>
            </thead>
            <tbody>
              {[...view.versions].reverse().map((v) => (
                <tr key={v.version}>
                  <td>第{v.version}版</td>
                  <td>{STATUS[v.status]}</td>
                  <td>{v.publishedAt ? new Date(v.publishedAt).toLocaleString('ja-JP') : '―'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="builder-row">
            <button
              type="button"
              className="button"
              onClick={() =>
                void save
                  .flush()
                  .then(() => catalogApi.exportOwn(code, id))
                  .then((f) => downloadJson(`${id}.json`, f))
              }
            >
              JSONで書き出す
            </button>
            {can('catalog.publish') && view.published && (
              <button type="button" className="button" onClick={() => void retire()}>
                公開を終了する
              </button>
            )}
          </div>
          {can('catalog.edit') && <DuplicateForm code={code} id={id} />}
          {confirmDialog}
        </PublishBox>
      )}
    />
  );
}

export default function OwnBuilderPage() {
  const { procedureId = '' } = useParams();
  const { session } = useSession();
  const code = session?.municipality?.code ?? '';
  const [view, setView] = useState<OwnProcedureView | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    catalogApi.own(code, procedureId).then(setView, (e: unknown) => setError(e instanceof ApiError ? e.message : String(e)));
  }, [code, procedureId]);
  if (error)
    return (
      <p className="form-error" role="alert">
        {error}
      </p>
    );
  // After 「複製」 the address changes before the copy is loaded: wait for it, so the editor (and its heading) never
  // starts from the procedure it was copied from.
  if (!view || view.procedureId !== procedureId) return <p>読み込み中…</p>;
  return <OwnEditor key={procedureId} initial={view} code={code} />;
}
