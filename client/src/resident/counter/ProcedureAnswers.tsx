/**
 * One application's answers as the resident's own check page shows them
 * (reviewModel's rows, in the form's steps), read-only: corrections are the
 * clerk's, so there is no 「変更する」. 個人番号 stays masked as there. The
 * rows and the schema tools come from the application page (apply/reviewKit.ts).
 */
import { useMemo } from 'react';
import type { RJSFSchema, UiSchema as RjsfUiSchema } from '@rjsf/utils';
import type { CounterTabletView, JsonSchema, UiSchema } from '@madoguchi/shared';
import { useLanguage } from '../../common/i18n/LanguageContext';
import { inLanguage } from '../../common/i18n/inLanguage';
import type { ReviewKit } from '../apply/reviewKit';
import { useCounterText } from './counterMessages';

type Item = CounterTabletView['items'][number];

/** The component, once the application page's review kit is loaded (for `React.lazy`). */
export async function loadProcedureAnswers() {
  const kit = await import('../apply/ApplyPage').then((page) => page.loadReviewKit());
  return { default: (props: Props) => <ProcedureAnswers {...props} kit={kit} /> };
}

interface Props {
  item: Item;
  index: number;
  count: number;
}

function ProcedureAnswers({ item, index, count, kit }: Props & { kit: ReviewKit }) {
  const { language } = useLanguage();
  const text = useCounterText();
  const sections = useMemo(() => {
    const { createSchemaUtils, SharedRjsfValidator, RESIDENT_DEFAULTS_BEHAVIOR, reviewRows, stepsOf } = kit;
    const schema = item.schema as RJSFSchema;
    const uiSchema = item.uiSchema as UiSchema;
    const utils = createSchemaUtils(new SharedRjsfValidator(`counter:${item.procedureId}`, language), schema, RESIDENT_DEFAULTS_BEHAVIOR);
    return stepsOf(item.schema as JsonSchema, uiSchema, language, item.title).map((step) => ({
      title: step.title,
      rows: reviewRows(utils, uiSchema as RjsfUiSchema, item.data, step.fields, language),
    }));
  }, [item, language, kit]);
  const headingId = `counter-procedure-${index}`;
  const title = inLanguage(language, item.title, item.titleEn);
  return (
    <section className="counter-procedure" aria-labelledby={headingId}>
      <h2 id={headingId} className="counter-procedure__title">
        {count > 1 && <span className="counter-procedure__count">{text('procedureOf', { n: index + 1 })}</span>}
        <span lang={title.lang}>{title.text}</span>
      </h2>
      {sections
        .filter((section) => section.rows.length > 0)
        .map((section) => (
          <div className="counter-step" key={section.title}>
            {sections.length > 1 && <h3 className="counter-step__title">{section.title}</h3>}
            <kit.ReviewRows rows={section.rows} depth={2} />
          </div>
        ))}
    </section>
  );
}
