/**
 * 「令和○年○月○日の○○による被害を受けた方へ」: while the municipality has
 * a disaster open, its pages (home, procedure, guides) lead those affected to
 * the 被災 guide and the 罹災証明書. The words come from the server; this
 * stays a few lines in the main bundle (the application page does not pay).
 */
import { useEffect, useState } from 'react';
import { Link, matchPath, useLocation } from 'react-router';
import type { PublicDisaster } from '@madoguchi/shared';
import { useLanguage } from '../../common/i18n/LanguageContext';
import { listOpenDisasters } from '../../common/api/residentApi';

/** The life-event guide and the procedure the banner leads to (presets/guides/hisai.json, presets/procedures/risai-shomeisho). */
export const DISASTER_GUIDE_ID = 'hisai';
export const RISAI_PROCEDURE_ID = 'risai-shomeisho';

/** The pages that show the banner, and the municipality they are of. */
const PAGES = ['/m/:code', '/m/:code/p/:procedureId', '/m/:code/guides/:guideId'];

export function bannerMunicipality(pathname: string): string | null {
  for (const pattern of PAGES) {
    const match = matchPath(pattern, pathname);
    if (match?.params.code) return match.params.code;
  }
  return null;
}

export function DisasterBanner() {
  const { t, language } = useLanguage();
  const { pathname } = useLocation();
  const code = bannerMunicipality(pathname);
  const [open, setOpen] = useState<{ code: string; items: PublicDisaster[] } | null>(null);
  useEffect(() => {
    if (!code) return;
    let current = true;
    // The server lets this be cached for 30 s; a failure shows no banner rather than an error on every page.
    listOpenDisasters(code, language).then(
      (items) => current && setOpen({ code, items }),
      () => current && setOpen({ code, items: [] }),
    );
    return () => {
      current = false;
    };
  }, [code, language]);
  if (!code || open?.code !== code) return null;
  const onGuide = pathname.endsWith(`/guides/${DISASTER_GUIDE_ID}`);
  const onRisai = pathname.endsWith(`/p/${RISAI_PROCEDURE_ID}`);
  return (
    <>
      {open.items.map((d) => (
        <section key={d.id} className="disaster-banner" role="region" aria-labelledby={`disaster-banner-${d.id}`}>
          <p className="disaster-banner__kicker">{t('disaster.kicker')}</p>
          <h2 id={`disaster-banner-${d.id}`} className="disaster-banner__title">
            {language === 'en' ? d.bannerEn : d.banner}
          </h2>
          <ul className="disaster-banner__links">
            {!onGuide && (
              <li>
                <Link to={`/m/${code}/guides/${DISASTER_GUIDE_ID}`}>{t('disaster.guideLink')}</Link>
              </li>
            )}
            {!onRisai && (
              <li>
                <Link to={`/m/${code}/p/${RISAI_PROCEDURE_ID}`}>{t('disaster.risaiLink')}</Link>
              </li>
            )}
          </ul>
        </section>
      ))}
    </>
  );
}
