/** A readable difference between two versions: fields added, changed (what, before → after) and removed; procedure changes. */
import type { FormDiff } from '@madoguchi/shared';

const CHANGE: Record<string, string> = { added: '追加', changed: '変更', removed: '削除' };

export function DiffView({ diff }: { diff: FormDiff }) {
  if (diff.fields.length === 0 && diff.procedure.length === 0) return <p>項目の変更はありません。</p>;
  return (
    <div className="diff">
      {diff.fields.length > 0 && (
        <ul className="diff__list" aria-label="項目の変更">
          {diff.fields.map((f) => (
            <li key={`${f.change}-${f.path}`} className={`diff__item diff__item--${f.change}`}>
              <span className="diff__badge">{CHANGE[f.change]}</span> 「{f.label || f.path}」
              {f.changes && (
                <ul>
                  {f.changes.map((c) => (
                    <li key={c.what}>
                      {c.what}：「{c.before || '（なし）'}」→「{c.after || '（なし）'}」
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
      {diff.procedure.length > 0 && (
        <ul className="diff__list" aria-label="手続の情報の変更">
          {diff.procedure.map((p, i) => (
            <li key={i} className={`diff__item diff__item--${p.change}`}>
              <span className="diff__badge">{CHANGE[p.change]}</span> {p.what}
              {p.change === 'changed' && (
                <>
                  ：「{p.before || '（なし）'}」→「{p.after || '（なし）'}」
                </>
              )}
              {p.change === 'added' && p.after && <>：{p.after}</>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
