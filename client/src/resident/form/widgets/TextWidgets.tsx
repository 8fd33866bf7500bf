/**
 * Text inputs for the Japanese formats. Each tidies what was typed when the
 * resident leaves the field (never while an IME is composing), and asks the
 * phone for the right keypad. RJSF picks them by the schema's `format`.
 */
import type { InputHTMLAttributes } from 'react';
import type { WidgetProps } from '@rjsf/utils';
import { getTemplate } from '@rjsf/utils';
import { toHiraganaReading, toKatakanaReading, toZenginKana } from '../../../common/kana';

const digitsOnly = (value: string) => value.normalize('NFKC').replace(/[^0-9]/g, '');

/** Builds a widget that renders the shared input template with `attributes` and applies `tidy` on blur. */
export function makeTextWidget(name: string, attributes: InputHTMLAttributes<HTMLInputElement>, tidy?: (value: string) => string) {
  function TidyTextWidget(props: WidgetProps) {
    const BaseInputTemplate = getTemplate('BaseInputTemplate', props.registry, props.options);
    const onBlur = (id: string, value: unknown) => {
      if (tidy && typeof value === 'string' && value !== '') {
        const tidied = tidy(value);
        if (tidied !== value) props.onChange(tidied === '' ? undefined : tidied);
        props.onBlur(id, tidied);
        return;
      }
      props.onBlur(id, value);
    };
    return <BaseInputTemplate {...props} type={attributes.type ?? 'text'} options={{ ...props.options, inputAttributes: attributes }} onBlur={onBlur} />;
  }
  TidyTextWidget.displayName = name;
  return TidyTextWidget;
}

/** フリガナ: hiragana, half-width kana and romaji become full-width katakana. */
export const KatakanaWidget = makeTextWidget('KatakanaWidget', { autoComplete: 'off', lang: 'ja' }, toKatakanaReading);
export const HiraganaWidget = makeTextWidget('HiraganaWidget', { autoComplete: 'off', lang: 'ja' }, toHiraganaReading);
/** 口座名義: katakana and capital letters, as banks print them. */
export const ZenginKanaWidget = makeTextWidget('ZenginKanaWidget', { autoComplete: 'off', lang: 'ja' }, toZenginKana);
/** Phone: the tel keypad; full-width digits folded. */
export const PhoneWidget = makeTextWidget('PhoneWidget', { type: 'tel', inputMode: 'tel', autoComplete: 'tel', maxLength: 15 }, (v) =>
  v
    .normalize('NFKC')
    .replace(/[‐－ー―]/g, '-')
    .trim(),
);
export const EmailWidget = makeTextWidget('EmailWidget', { type: 'email', inputMode: 'email', autoComplete: 'email', spellCheck: false }, (v) => v.normalize('NFKC').trim());
/** 介護保険被保険者番号: 10 digits, leading zeros kept. */
export const InsuredNumberWidget = makeTextWidget('InsuredNumberWidget', { inputMode: 'numeric', autoComplete: 'off', maxLength: 12 }, digitsOnly);
export const LgCodeWidget = makeTextWidget('LgCodeWidget', { inputMode: 'numeric', autoComplete: 'off', maxLength: 6 }, digitsOnly);
