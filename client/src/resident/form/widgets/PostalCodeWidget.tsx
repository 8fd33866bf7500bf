/**
 * 郵便番号: numeric keypad; once 7 digits are in, the address of the same
 * block is filled from the postal data bundled with the app (offline; a
 * 事業所個別番号 is asked of the server).
 */
import { useEffect, useRef, useState } from 'react';
import type { WidgetProps } from '@rjsf/utils';
import { getTemplate } from '@rjsf/utils';
import { postalDigits, residentPostalLookup } from '../../../common/postal/lookupAddress';
import { useLanguage } from '../../../common/i18n/LanguageContext';
import { useAddressFiller } from '../ResidentObjectField';
import { formContextOf } from '../formContext';

type LookupState = { kind: 'idle' } | { kind: 'looking' } | { kind: 'found'; text: string } | { kind: 'not-found' };

/** 「3100805」 → 「310-0805」. */
const withHyphen = (digits: string) => `${digits.slice(0, 3)}-${digits.slice(3)}`;

export function PostalCodeWidget(props: WidgetProps) {
  const { id, value, onChange, registry } = props;
  const { t } = useLanguage();
  const fill = useAddressFiller();
  const lookup = formContextOf(registry).postalLookup ?? residentPostalLookup;
  const [state, setState] = useState<LookupState>({ kind: 'idle' });
  const looked = useRef<string | null>(postalDigits(value));
  const BaseInputTemplate = getTemplate('BaseInputTemplate', registry, props.options);

  const run = async (digits: string) => {
    looked.current = digits;
    setState({ kind: 'looking' });
    try {
      const found = await lookup(digits);
      if (looked.current !== digits) return; // a newer code was typed meanwhile
      if (!found) {
        setState({ kind: 'not-found' });
        return;
      }
      fill?.(found);
      setState({ kind: 'found', text: `${found.prefecture}${found.city}${found.town}` });
    } catch {
      setState({ kind: 'not-found' });
    }
  };

  // Look up as soon as a new 7-digit code is complete (typed, pasted or autofilled).
  useEffect(() => {
    const digits = postalDigits(value);
    if (digits && digits !== looked.current && fill) void run(digits);
    if (!digits) looked.current = null;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);

  const onBlur = (blurId: string, raw: unknown) => {
    const digits = postalDigits(typeof raw === 'string' ? raw : '');
    if (digits && raw !== withHyphen(digits)) onChange(withHyphen(digits));
    props.onBlur(blurId, raw);
  };

  const message =
    state.kind === 'looking'
      ? t('postal.looking')
      : state.kind === 'found'
        ? t('postal.found', { address: state.text })
        : state.kind === 'not-found'
          ? t('postal.notFound')
          : fill
            ? t('postal.hint')
            : '';
  return (
    <div className="postal">
      <div className="postal__row">
        <span className="postal__mark" aria-hidden="true">
          〒
        </span>
        <BaseInputTemplate {...props} type="text" options={{ ...props.options, inputAttributes: { inputMode: 'numeric', autoComplete: 'postal-code', maxLength: 8 } }} onBlur={onBlur} />
        {fill && (
          <button
            type="button"
            className="button button--tertiary"
            onClick={() => {
              const d = postalDigits(value);
              if (d) void run(d);
            }}
            disabled={!postalDigits(value)}
          >
            {t('postal.search')}
          </button>
        )}
      </div>
      <p className={`postal__status postal__status--${state.kind}`} id={`${id}__status`} role="status">
        {message}
      </p>
    </div>
  );
}
