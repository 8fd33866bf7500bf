/** 「マイナンバーカードで署名する」 on the check page, and the state of the signature. */
import { useCardText } from './cardMessages';

interface Props {
  signed: boolean;
  signing: boolean;
  required: boolean;
  onSign: () => void;
}

export function CardSignSection({ signed, signing, required, onSign }: Props) {
  const t = useCardText();
  return (
    <section className="notice notice--card" aria-live="polite">
      <p>{signed ? t('signed') : required ? t('signRequired') : t('signOptional')}</p>
      {!signed && (
        <button type="button" className="button button--secondary" onClick={onSign} disabled={signing} aria-busy={signing || undefined}>
          {signing ? t('signing') : t('sign')}
        </button>
      )}
    </section>
  );
}
