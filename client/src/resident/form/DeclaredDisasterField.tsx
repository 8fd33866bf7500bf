/**
 * The `disaster` block of a disaster procedure while the municipality has a
 * disaster open (see disaster/declaredDisaster.ts): 「対象となる災害：令和8年
 * 12月1日 ○○」 as text, or a choice when several are open. Nothing to type.
 */
import type { FieldProps } from '@rjsf/utils';
import { formatWareki, type PublicDisaster } from '@madoguchi/shared';
import { useLanguage } from '../../common/i18n/LanguageContext';
import { answerOf } from '../disaster/declaredDisaster';

export function DeclaredDisasterField({ formData, onChange, uiSchema, fieldPathId }: FieldProps) {
  const { t } = useLanguage();
  const open = (uiSchema?.['ui:options'] as { disasters?: PublicDisaster[] } | undefined)?.disasters ?? [];
  const chosen = (formData as { id?: string } | undefined)?.id;
  const id = fieldPathId.$id;
  const text = (d: PublicDisaster) => `${formatWareki(d.occurredOn)} ${d.name}`;
  if (open.length === 1)
    return (
      <p className="declared-disaster" id={id}>
        <strong>{t('disaster.declaredLabel')}：</strong>
        {text(open[0]!)}
      </p>
    );
  return (
    <fieldset className="declared-disaster" id={id}>
      <legend>{t('disaster.chooseLabel')}</legend>
      {open.map((d) => (
        <label key={d.id} className="declared-disaster__choice">
          <input type="radio" name={`${id}-choice`} checked={chosen === d.id} onChange={() => onChange(answerOf(d), fieldPathId.path)} /> {text(d)}
        </label>
      ))}
    </fieldset>
  );
}
