/**
 * Steps (react-hook-form): a long form is split into pages residents go
 * through one by one. Rename, reorder (buttons), remove, and add steps;
 * a field's step is chosen in its settings.
 */
import { useForm } from 'react-hook-form';
import type { FormStep } from '@madoguchi/shared';
import type { NewOp } from './useBuilder';

interface Props {
  steps: FormStep[] | undefined;
  apply: (...ops: NewOp[]) => string | null;
  onMessage: (message: string) => void;
}

export function StepsPanel({ steps, apply, onMessage }: Props) {
  const titles = useForm<{ titles: string[] }>({ values: { titles: (steps ?? []).map((s) => s.title) } });
  const adder = useForm<{ title: string }>({ defaultValues: { title: '' } });
  const run = (message: string, ...ops: NewOp[]) => onMessage(apply(...ops) ?? message);

  const rename = titles.handleSubmit((v) => {
    const ops: NewOp[] = (steps ?? []).flatMap((s, i) => (v.titles[i]?.trim() && v.titles[i]!.trim() !== s.title ? [{ type: 'renameStep' as const, index: i, title: v.titles[i]!.trim() }] : []));
    if (ops.length) run('ステップの名前を変更しました。', ...ops);
    else onMessage('変更はありません。');
  });
  const add = adder.handleSubmit((v) => {
    // The first step of a stepless form becomes step 1 with every field; later ones start empty.
    const first = !steps?.length;
    run(first ? `ステップ「${v.title.trim()}」を追加し、すべての項目をこのステップに入れました。` : `ステップ「${v.title.trim()}」を追加しました。`, {
      type: 'addStep',
      title: v.title.trim(),
      ...(first ? { first: true } : {}),
    });
    adder.reset({ title: '' });
    adder.setFocus('title');
  });

  return (
    <div className="builder-form">
      <h2 className="builder-panel__title">ステップ</h2>
      <p className="field__hint">長いフォームは、いくつかのページ（ステップ）に分けると住民が入力しやすくなります。項目のステップは、項目の設定で選べます。</p>
      {steps && steps.length > 0 ? (
        <form onSubmit={rename} aria-label="ステップの名前">
          <ol className="steps-list">
            {steps.map((s, i) => (
              <li key={`${i}-${s.title}`} className="steps-list__row">
                <label htmlFor={`step-title-${i}`} className="visually-hidden">
                  ステップ{i + 1}の名前
                </label>
                <span aria-hidden="true">{i + 1}.</span>
                <input id={`step-title-${i}`} {...titles.register(`titles.${i}` as const)} />
                <span className="field__hint">{s.fields.length}項目</span>
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`ステップ「${s.title}」を前へ`}
                  disabled={i === 0}
                  onClick={() => run('ステップの順番を変更しました。', { type: 'moveStep', index: i, to: i - 1 })}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`ステップ「${s.title}」を後ろへ`}
                  disabled={i === steps.length - 1}
                  onClick={() => run('ステップの順番を変更しました。', { type: 'moveStep', index: i, to: i + 1 })}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className="icon-button icon-button--danger"
                  aria-label={`ステップ「${s.title}」を削除（項目は前のステップへ移ります）`}
                  onClick={() => run(`ステップ「${s.title}」を削除しました。`, { type: 'removeStep', index: i })}
                >
                  削除
                </button>
              </li>
            ))}
          </ol>
          <button type="submit" className="button">
            名前の変更を反映
          </button>
        </form>
      ) : (
        <p>今は1ページのフォームです。ステップを追加すると、今ある項目は最初のステップに入ります。</p>
      )}
      <form onSubmit={add} className="builder-row builder-row--end" aria-label="ステップを追加">
        <div className="field">
          <label htmlFor="new-step-title">新しいステップの名前</label>
          <input id="new-step-title" {...adder.register('title', { validate: (v) => v.trim() !== '' || 'ステップの名前を入力してください。' })} />
          {adder.formState.errors.title && <p className="field__error">{adder.formState.errors.title.message}</p>}
        </div>
        <button type="submit" className="button">
          ステップを追加
        </button>
      </form>
    </div>
  );
}
