/**
 * A preset template in the same builder, for platform admins: pending edits
 * over the published preset version, published as a new preset version with
 * a change note that municipalities read before taking the update.
 */
import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { PRESET_OWNER, type PresetTemplateView } from '@madoguchi/shared';
import { ApiError } from '../../api';
import { useSession } from '../../session';
import { catalogApi } from './builderApi';
import { useBuilder } from './useBuilder';
import { useAutosave } from './useAutosave';
import { BuilderShell } from './BuilderShell';
import { PublishBox } from './PublishBox';

function PresetEditor({ initial, onPublished }: { initial: PresetTemplateView; onPublished: (message: string) => void }) {
  const { can } = useSession();
  const id = initial.presetId;
  const builder = useBuilder(initial.base, initial.layer?.ops ?? [], false);
  const revision = useRef(initial.layer?.revision ?? 0);
  const [serverProblems, setServerProblems] = useState(initial.problems);
  const save = useAutosave(builder.change, async () => {
    const next = await catalogApi.savePreset(id, builder.ops, revision.current);
    revision.current = next.layer?.revision ?? 0;
    setServerProblems(next.problems);
  });
  const publish = async (note: string) => {
    await save.flush();
    const res = await catalogApi.publishPreset(id, note);
    onPublished(`第${res.version}版として公開しました。採用している市区町村には更新として表示されます。`);
    return `第${res.version}版として公開しました。`;
  };
  return (
    <BuilderShell
      heading={`プリセット「${builder.document.procedure.title}」の編集`}
      intro={
        <p className="field__hint">
          全国共通のプリセット（公開中：第{initial.published.version}版、採用している市区町村：{initial.adoptedBy}）。<Link to="/staff/presets">プリセットの一覧へ戻る</Link>
        </p>
      }
      builder={builder}
      owner={PRESET_OWNER}
      locks={[]}
      lockedAttachmentIds={[]}
      save={save}
      serverProblems={serverProblems}
      showEdits
      publish={(problems) => (
        <PublishBox canPublish={can('preset.publish')} problems={problems} live={`第${initial.published.version}版`} requireNote onPublish={publish}>
          <h3>これまでの版</h3>
          <ol className="edits-list">
            {[...initial.releases].reverse().map((r) => (
              <li key={r.version}>
                第{r.version}版：{r.note}
              </li>
            ))}
          </ol>
        </PublishBox>
      )}
    />
  );
}

export default function PresetBuilderPage() {
  const { presetId = '' } = useParams();
  const [view, setView] = useState<PresetTemplateView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const load = () => catalogApi.preset(presetId).then(setView, (e: unknown) => setError(e instanceof ApiError ? e.message : String(e)));
  useEffect(() => void load(), [presetId]); // eslint-disable-line react-hooks/exhaustive-deps
  if (error)
    return (
      <p className="form-error" role="alert">
        {error}
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
      <PresetEditor
        key={`${view.published.version}`}
        initial={view}
        onPublished={(m) => {
          setNotice(m);
          void load();
        }}
      />
    </>
  );
}
