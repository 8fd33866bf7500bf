/**
 * The answers of one step as label/value rows, groups as sub-headed blocks, each row with a change link
 * (none without `onChange`: the counter tablet shows the answers read-only).
 */
import type { ReactElement } from 'react';
import { useLanguage } from '../../common/i18n/LanguageContext';
import type { ReviewRow } from './reviewModel';
import { fieldIdOf } from './steps';
import { japaneseOnly } from '../../common/i18n/inLanguage';

interface Props {
  rows: ReviewRow[];
  depth: number;
  onChange?: (fieldId: string) => void;
}

export function ReviewRows({ rows, depth, onChange }: Props) {
  const { t, language } = useLanguage();
  const Heading = (depth <= 1 ? 'h3' : 'h4') as 'h3' | 'h4';
  const blocks: ReactElement[] = [];
  // Keep the schema's order: runs of values become one list, groups their own block.
  let run: Array<Extract<ReviewRow, { kind: 'value' }>> = [];
  const flush = (key: string) => {
    if (run.length === 0) return;
    blocks.push(
      <dl className="review-list" key={`dl-${key}`}>
        {run.map((row) => (
          <div className="review-list__row" key={row.pointer}>
            <dt lang={japaneseOnly(language)}>{row.label}</dt>
            <dd className={row.multiline ? 'review-list__value review-list__value--multiline' : 'review-list__value'}>{row.value}</dd>
            {onChange && !row.calculated && (
              <dd className="review-list__action">
                <button type="button" className="link-button" onClick={() => onChange(fieldIdOf(row.pointer))}>
                  {t('review.change')}
                  <span className="visually-hidden">（{row.label}）</span>
                </button>
              </dd>
            )}
          </div>
        ))}
      </dl>,
    );
    run = [];
  };
  rows.forEach((row) => {
    if (row.kind === 'value') {
      run.push(row);
      return;
    }
    flush(row.pointer);
    blocks.push(
      <div className={`review-group review-group--depth-${Math.min(depth, 3)}`} key={row.pointer}>
        <Heading className="review-group__title" lang={japaneseOnly(language)}>
          {row.label}
        </Heading>
        <ReviewRows rows={row.rows} depth={depth + 1} {...(onChange ? { onChange } : {})} />
      </div>,
    );
  });
  flush('end');
  return <>{blocks}</>;
}
