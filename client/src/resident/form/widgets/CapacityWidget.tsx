/**
 * A choice whose options have a capacity (定員, issue #22): radio buttons that say 「残り3」 or 「満員」;
 * a full option is disabled (unless it is the one already chosen, so the resident sees why it fails).
 * Without a count yet (loading, or it failed) it is a plain radio list: intake is the judge anyway.
 */
import type { WidgetProps } from '@rjsf/utils';
import { optionId } from '@rjsf/utils';
import { useLanguage } from '../../../common/i18n/LanguageContext';
import { formContextOf } from '../formContext';
import { optionState } from '../capacity';

export function CapacityWidget(props: WidgetProps) {
  const { id, htmlName, options, value, disabled, readonly, onChange, onBlur, onFocus, autofocus, registry } = props;
  const { t } = useLanguage();
  const { capacity } = formContextOf(registry);
  const fieldPath = String(options.capacityField ?? '');
  const invalid = (props.rawErrors?.length ?? 0) > 0 || undefined;
  return (
    <div className="choices">
      {(options.enumOptions ?? []).map((option, i) => {
        const state = optionState(capacity, fieldPath, option.value);
        const full = state?.remaining === 0;
        const badgeId = `${optionId(id, i)}-left`;
        return (
          <label className={`choice ${full ? 'choice--full' : ''}`} key={String(option.value)} htmlFor={optionId(id, i)}>
            <input
              type="radio"
              id={optionId(id, i)}
              name={htmlName || id}
              checked={value === option.value}
              value={String(i)}
              disabled={disabled || readonly || (full && value !== option.value)}
              autoFocus={autofocus && i === 0}
              aria-invalid={invalid}
              aria-describedby={state?.remaining != null ? badgeId : undefined}
              onChange={() => onChange(option.value)}
              onBlur={() => onBlur(id, value)}
              onFocus={() => onFocus(id, value)}
            />
            <span className="choice__label">{option.label}</span>
            {state?.remaining != null && (
              <span id={badgeId} className={`capacity-badge ${full ? 'capacity-badge--full' : ''}`}>
                {full ? t('capacity.full') : t('capacity.left', { n: state.remaining })}
              </span>
            )}
          </label>
        );
      })}
    </div>
  );
}
