/**
 * Radio buttons, checkboxes and selects with large tap targets. Options are
 * the preset's Japanese words; booleans read はい／いいえ (via translateString).
 */
import type { ChangeEvent } from 'react';
import type { WidgetProps } from '@rjsf/utils';
import { enumOptionsDeselectValue, enumOptionsSelectValue, optionId } from '@rjsf/utils';
import { useLanguage } from '../../../common/i18n/LanguageContext';
import { RequirementBadge } from '../templates/RequirementBadge';
import { describedBy } from '../templates/describedBy';

const invalidOf = (props: WidgetProps) => (props.rawErrors?.length ?? 0) > 0 || undefined;

export function RadioWidget(props: WidgetProps) {
  const { id, htmlName, options, value, disabled, readonly, onChange, onBlur, onFocus, autofocus } = props;
  const enumOptions = options.enumOptions ?? [];
  // Short options (はい／いいえ, 男／女) sit side by side; long ones stack.
  const inline = enumOptions.every((o) => String(o.label).length <= 6);
  return (
    // The field template's fieldset and legend name the group and carry its help and error.
    <div className={`choices ${inline ? 'choices--inline' : ''}`}>
      {enumOptions.map((option, i) => (
        <label className="choice" key={String(option.value)} htmlFor={optionId(id, i)}>
          <input
            type="radio"
            id={optionId(id, i)}
            name={htmlName || id}
            checked={value === option.value}
            value={String(i)}
            disabled={disabled || readonly}
            autoFocus={autofocus && i === 0}
            aria-invalid={invalidOf(props)}
            onChange={() => onChange(option.value)}
            onBlur={() => onBlur(id, value)}
            onFocus={() => onFocus(id, value)}
          />
          <span className="choice__label">{option.label}</span>
        </label>
      ))}
    </div>
  );
}

export function CheckboxesWidget(props: WidgetProps) {
  const { id, htmlName, options, value, disabled, readonly, onChange, onBlur, onFocus } = props;
  const selected: unknown[] = Array.isArray(value) ? value : [];
  const enumOptions = options.enumOptions ?? [];
  const toggle = (index: number) => (e: ChangeEvent<HTMLInputElement>) =>
    onChange(e.target.checked ? enumOptionsSelectValue(index, selected, enumOptions) : enumOptionsDeselectValue(index, selected, enumOptions));
  return (
    <div className="choices">
      {enumOptions.map((option, i) => (
        <label className="choice" key={String(option.value)} htmlFor={optionId(id, i)}>
          <input
            type="checkbox"
            id={optionId(id, i)}
            name={htmlName || id}
            checked={selected.includes(option.value)}
            disabled={disabled || readonly}
            aria-invalid={invalidOf(props)}
            onChange={toggle(i)}
            onBlur={() => onBlur(id, value)}
            onFocus={() => onFocus(id, value)}
          />
          <span className="choice__label">{option.label}</span>
        </label>
      ))}
    </div>
  );
}

/** A single checkbox (consents, 「…に同意します」): the whole sentence is its label. */
export function CheckboxWidget(props: WidgetProps) {
  const { id, htmlName, value, disabled, readonly, onChange, onBlur, onFocus, label, required, schema, uiSchema } = props;
  const text = String(uiSchema?.['ui:title'] ?? schema.title ?? label ?? '');
  return (
    <label className="choice choice--single" htmlFor={id}>
      <input
        type="checkbox"
        id={id}
        name={htmlName || id}
        checked={value === true}
        disabled={disabled || readonly}
        aria-invalid={invalidOf(props)}
        aria-describedby={describedBy(id, props)}
        onChange={(e) => onChange(e.target.checked)}
        onBlur={() => onBlur(id, value)}
        onFocus={() => onFocus(id, value)}
      />
      <span className="choice__label">
        {text}
        <RequirementBadge required={required} />
      </span>
    </label>
  );
}

export function SelectWidget(props: WidgetProps) {
  const { id, htmlName, options, value, disabled, readonly, onChange, onBlur, onFocus, placeholder } = props;
  const { t } = useLanguage();
  const enumOptions = options.enumOptions ?? [];
  const index = enumOptions.findIndex((o) => o.value === value);
  const pick = (raw: string) => (raw === '' ? options.emptyValue : enumOptions[Number(raw)]?.value);
  return (
    <select
      id={id}
      name={htmlName || id}
      className={`select ${invalidOf(props) ? 'input--error' : ''}`}
      value={index >= 0 ? String(index) : ''}
      disabled={disabled || readonly}
      aria-invalid={invalidOf(props)}
      aria-describedby={describedBy(id, props)}
      onChange={(e) => onChange(pick(e.target.value))}
      onBlur={(e) => onBlur(id, pick(e.target.value))}
      onFocus={(e) => onFocus(id, pick(e.target.value))}
    >
      <option value="">{placeholder || t('form.choose')}</option>
      {enumOptions.map((option, i) => (
        <option key={String(option.value)} value={String(i)}>
          {option.label}
        </option>
      ))}
    </select>
  );
}
