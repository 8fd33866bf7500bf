/**
 * A calculated value (`x-calc`, issue #22): shown read-only, never typed. The
 * step form recomputes the answers on every change (applyCalculations, the
 * same module intake runs), so this only displays the number — in yen or its
 * unit — or why it cannot be computed yet. Other numbers keep RJSF's field.
 */
import type { FieldProps } from '@rjsf/utils';
import { getDefaultRegistry } from '@rjsf/core';
import { CALC_KEYWORD, formatAmount, type JsonSchema } from '@madoguchi/shared';
import { useLanguage } from '../../common/i18n/LanguageContext';
import { formContextOf } from './formContext';

const CoreNumberField = getDefaultRegistry().fields.NumberField!;

const pointerOf = (path: Array<string | number>) => path.map((p) => `/${String(p).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');

export function ResidentNumberField(props: FieldProps) {
  const { language, t } = useLanguage();
  if (typeof (props.schema as Record<string, unknown>)[CALC_KEYWORD] !== 'string') return <CoreNumberField {...props} />;
  const id = props.fieldPathId.$id;
  const problem = formContextOf(props.registry).calcProblems?.[pointerOf(props.fieldPathId.path)];
  const value = typeof props.formData === 'number' ? formatAmount(props.schema as JsonSchema, props.formData, language) : undefined;
  return (
    <div className="calc-value">
      <output id={id} className="calc-value__number" aria-live="polite" aria-describedby={`${id}__calc`}>
        {value ?? '—'}
      </output>
      <p id={`${id}__calc`} className={problem ? 'calc-value__problem' : 'calc-value__note'}>
        {problem ?? (value === undefined ? t('calc.pending') : t('calc.auto'))}
      </p>
    </div>
  );
}
