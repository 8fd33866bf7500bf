/** Where the resident is: 「ステップ 2 / 7」, a bar, and (on wider screens) the list of steps. */
import { useLanguage } from '../../common/i18n/LanguageContext';

export function StepProgress({ labels, current }: { labels: string[]; current: number }) {
  const { t } = useLanguage();
  const percent = Math.round(((current + 1) / labels.length) * 100);
  return (
    <nav className="progress" aria-label={t('apply.stepOf', { n: current + 1, total: labels.length })}>
      <p className="progress__text">{t('apply.stepOf', { n: current + 1, total: labels.length })}</p>
      <div className="progress__bar" aria-hidden="true">
        <span style={{ width: `${percent}%` }} />
      </div>
      <ol className="progress__steps">
        {labels.map((label, i) => (
          <li key={`${i}-${label}`} className={i < current ? 'is-done' : i === current ? 'is-current' : ''} aria-current={i === current ? 'step' : undefined}>
            {label}
          </li>
        ))}
      </ol>
    </nav>
  );
}
