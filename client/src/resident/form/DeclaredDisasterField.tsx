/**
 * The `disaster` block of a disaster procedure while the municipality has a
 * disaster open (see disaster/declaredDisaster.ts): 「対象となる災害：令和8年
 * 12月1日 ○○」 as text, or a choice when several are open. Nothing to type:
 * the answer is set to the declared disaster (a draft typed before it was
 * declared included).
 */
import { useEffect } from 'react';
import type { FieldProps } from '@rjsf/utils';
import type { PublicDisaster } from '@madoguchi/shared';
import { formatWareki } from '../../common/wareki';
import { useDisasterText } from '../disaster/disasterMessages';
import { answerOf, answersDisaster, chosenDisaster } from '../disaster/disasterAnswer';

export function DeclaredDisasterField({ formData, onChange, uiSchema, fieldPathId }: FieldProps) {
  const t = useDisasterText();
  const open = (uiSchema?.['ui:options'] as { disasters?: PublicDisaster[] } | undefined)?.disasters ?? [];
  const chosen = chosenDisaster(formData, open);
  useEffect(() => {
    if (chosen && !answersDisaster(formData, chosen)) onChange(answerOf(chosen), fieldPathId.path);
  }, [chosen, formData]); // eslint-disable-line react-hooks/exhaustive-deps -- onChange changes every render
  const id = fieldPathId.$id;
  const text = (d: PublicDisaster) => `${formatWareki(d.occurredOn)} ${d.name}`;
  if (open.length === 1)
    return (
      <p className="declared-disaster" id={id}>
        <strong>{t('declaredLabel')}：</strong>
        {text(open[0]!)}
      </p>
    );
  return (
    <fieldset className="declared-disaster" id={id}>
      <legend>{t('chooseLabel')}</legend>
      {open.map((d) => (
        <label key={d.id} className="declared-disaster__choice">
          <input type="radio" name={`${id}-choice`} checked={chosen?.id === d.id} onChange={() => onChange(answerOf(d), fieldPathId.path)} /> {text(d)}
        </label>
      ))}
    </fieldset>
  );
}
