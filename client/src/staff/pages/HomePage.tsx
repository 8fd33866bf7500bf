/** The console's start page: who is signed in, and links to what they may use. */
import { Link } from 'react-router';
import { useSession } from '../session';
import { ROLE_LABELS, useStaffText } from '../i18n';
import { STAFF_PAGES } from './registry';
import { LentDisasters } from './disasterGrants/LentDisasters';

export default function HomePage() {
  const t = useStaffText();
  const { session, can } = useSession();
  const user = session!.user!;
  return (
    <section aria-labelledby="home-title">
      <h1 id="home-title">{t('home.hello', { displayName: user.displayName })}</h1>
      <p>
        {t(ROLE_LABELS[user.role]!)}
        {session?.municipality ? ` ・ ${session.municipality.prefecture} ${session.municipality.name}` : ''}
      </p>
      {session?.totpEnrolmentRequired && (
        <p className="notice" role="status">
          {t('home.twoStepRequired')} <Link to="/staff/account">{t('common.registerAuthenticatorApp')}</Link>
        </p>
      )}
      <LentDisasters />
      <ul className="tiles">
        {STAFF_PAGES.filter((p) => p.inMenu !== false && (!p.permission || can(p.permission))).map((p) => (
          <li key={p.path}>
            <Link to={`/staff/${p.path}`}>{t(p.label)}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
