/**
 * 「公開前の確認」: the same checks the server runs on publish (meta-schema,
 * ajv compile, labels, conditions, steps), live, each linked to its field.
 */
import type { DraftProblem } from '@madoguchi/shared';

export function ChecksPanel({ problems, onSelect }: { problems: DraftProblem[]; onSelect: (path: string) => void }) {
  return (
    <section aria-labelledby="checks-title" className="builder-checks-panel">
      <h2 id="checks-title" className="builder-panel__title">
        公開前の確認
      </h2>
      {problems.length === 0 ? (
        <p className="notice" role="status">
          問題は見つかりませんでした。公開できます。
        </p>
      ) : (
        <>
          <p className="form-error" role="status">
            公開する前に、次の{problems.length}件を直してください。
          </p>
          <ul className="problem-list">
            {problems.map((p, i) => (
              <li key={i}>
                {p.message}
                {p.path && (
                  <button type="button" className="button button--small" onClick={() => onSelect(p.path!)}>
                    この項目へ
                  </button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
