/**
 * Every text-like input: labelled by the field template, described by its
 * help and error, marked invalid for screen readers, and with the keypad a
 * phone should show (numbers for digit-only codes, tel for phone numbers).
 */
import { useCallback, type ChangeEvent, type InputHTMLAttributes } from 'react';
import type { BaseInputTemplateProps, RJSFSchema } from '@rjsf/utils';
import { getInputProps } from '@rjsf/utils';
import { describedBy } from './describedBy';
import { effectiveMaxLength, type JsonSchema } from '@madoguchi/shared';

/** `^[0-9]{4}$`, `^[0-9]{1,8}$` → digits only, at most 4 / 8. */
const DIGITS_PATTERN = /^\^\[0-9\]\{(?:(\d+)|\d+,(\d+))\}\$$/;

/** Keypad, length and autofill hints derived from the schema. */
export function inputHints(schema: RJSFSchema): InputHTMLAttributes<HTMLInputElement> {
  const hints: InputHTMLAttributes<HTMLInputElement> = {};
  const digits = typeof schema.pattern === 'string' ? DIGITS_PATTERN.exec(schema.pattern) : null;
  if (digits) {
    hints.inputMode = 'numeric';
    hints.maxLength = Number(digits[1] ?? digits[2]);
    hints.autoComplete = 'off';
  } else {
    // A field with a pattern is capped even without a maxLength of its own (patternLimits.ts).
    const maxLength = effectiveMaxLength(schema as JsonSchema);
    if (maxLength !== undefined) hints.maxLength = maxLength;
  }
  if (schema.type === 'integer') hints.inputMode = 'numeric';
  if (schema.type === 'number') hints.inputMode = 'decimal';
  return hints;
}

/**
 * Autofill tokens for the name block every preset shares (commonDefinitions personName): the browser
 * offers the resident's saved name. The readings (フリガナ) have no standard token and stay off.
 */
const NAME_TOKENS: Array<[RegExp, string]> = [
  [/_familyName$/, 'family-name'],
  [/_givenName$/, 'given-name'],
];
export function autocompleteFor(id: string, uiAutocomplete: unknown): string | undefined {
  if (typeof uiAutocomplete === 'string') return uiAutocomplete;
  return NAME_TOKENS.find(([pattern]) => pattern.test(id))?.[1];
}

/** Width class: short for codes and numbers, so the size hints at what to type. */
export function inputWidthClass(schema: RJSFSchema, maxLength?: number): string {
  if (schema.type === 'integer' || schema.type === 'number') return 'input--short';
  if (maxLength !== undefined && maxLength <= 10) return 'input--short';
  if (maxLength !== undefined && maxLength <= 20) return 'input--medium';
  return '';
}

export function BaseInputTemplate(props: BaseInputTemplateProps) {
  const { id, htmlName, value, readonly, disabled, autofocus, onBlur, onFocus, onChange, onChangeOverride, options, schema, rawErrors, type, placeholder, required } = props;
  const { step: _step, min: _min, max: _max, ...rjsfProps } = getInputProps(schema, type, options);
  // Numbers use a text input with a numeric keypad: type=number drops full-width digits typed with an IME.
  const isNumber = rjsfProps.type === 'number';
  const autoComplete = autocompleteFor(id, options.autocomplete);
  const inputProps = { ...rjsfProps, ...(isNumber ? { type: 'text' } : {}), ...inputHints(schema), ...(autoComplete ? { autoComplete } : {}) };
  const extra = (options.inputAttributes ?? {}) as InputHTMLAttributes<HTMLInputElement>;
  const inputValue = isNumber ? (value || value === 0 ? value : '') : (value ?? '');
  const handleChange = useCallback(
    (e: ChangeEvent<HTMLInputElement>) => {
      const raw = isNumber ? e.target.value.normalize('NFKC').replace(/[,，\s]/g, '') : e.target.value;
      onChange(raw === '' ? options.emptyValue : raw);
    },
    [onChange, options.emptyValue, isNumber],
  );
  const invalid = (rawErrors?.length ?? 0) > 0;
  return (
    <input
      id={id}
      name={htmlName || id}
      className={`input ${inputWidthClass(schema, inputProps.maxLength ?? extra.maxLength)} ${invalid ? 'input--error' : ''}`}
      readOnly={readonly}
      disabled={disabled}
      autoFocus={autofocus}
      value={inputValue}
      placeholder={placeholder || undefined}
      aria-required={required || undefined}
      aria-invalid={invalid || undefined}
      aria-describedby={describedBy(id, props)}
      {...inputProps}
      {...extra}
      onChange={onChangeOverride || handleChange}
      onBlur={(e) => onBlur(id, e.target.value)}
      onFocus={(e) => onFocus(id, e.target.value)}
    />
  );
}
