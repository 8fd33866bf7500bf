/**
 * 「マイナンバーカードでログイン」 on the application form, shown when the
 * municipality offers the card and the procedure takes the 基本4情報 from it.
 * Signed in, it says so and offers to sign out.
 */
import type { CardIdentity } from '@madoguchi/shared';
import { useLanguage } from '../../common/i18n/LanguageContext';
import { useCardText } from './cardMessages';
import { cardLoginUrl, signOutCard } from './cardApi';

interface Props {
  identity: CardIdentity | null;
  onSignedOut: () => void;
}

export default function CardSignInPanel({ identity, onSignedOut }: Props) {
  const { language } = useLanguage();
  const t = useCardText();
  const here = window.location.pathname + window.location.search;
  if (identity) {
    return (
      <div className="notice notice--card" role="status">
        <p>{t('signedIn', { name: identity.name })}</p>
        <button type="button" className="button button--secondary" onClick={() => void signOutCard(language).then(onSignedOut)}>
          {t('signOut')}
        </button>
      </div>
    );
  }
  return (
    <div className="notice notice--card">
      <p>{t('offer')}</p>
      <a className="button button--secondary" href={cardLoginUrl(here)}>
        {t('signIn')}
      </a>
    </div>
  );
}
