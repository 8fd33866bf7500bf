/**
 * 「令和○年○月○日の○○による被害を受けた方へ」: while the municipality has
 * a disaster open, its pages (home, procedure, guides) lead those affected to
 * the 被災 guide and the 罹災証明書. The words come from the server; this
 * loads on those pages only (the application page does not pay for it).
 */
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { PublicDisaster } from '@madoguchi/shared';
import { useLanguage } from '../../common/i18n/LanguageContext';
import { useDisasterText } from './disasterMessages';
import { listOpenDisasters } from '../../common/api/residentApi';

/** The life-event guide and the procedure the banner leads to (presets/guides/hisai.json, presets/procedures/risai-shomeisho). */
export const DISASTER_GUIDE_ID = 'hisai';
export const RISAI_PROCEDURE_ID = 'risai-shomeisho';

/** Loaded by Layout on the banner's pages only (disasterProcedure.ts), with the page's municipality. */
export default function DisasterBanner({ code, pathname }: { code: string; pathname: string }) {
  const { language } = useLanguage();
  const t = useDisasterText();
  const [open, setOpen] = useState<{ code: string; items: PublicDisaster[] } | null>(null);
  useEffect(() => {
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
  if (open?.code !== code) return null;
  const onGuide = pathname.endsWith(`/guides/${DISASTER_GUIDE_ID}`);
  const onRisai = pathname.endsWith(`/p/${RISAI_PROCEDURE_ID}`);
  return (
    <>
      {open.items.map((d) => (
        <section key={d.id} className="disaster-banner" role="region" aria-labelledby={`disaster-banner-${d.id}`}>
          <p className="disaster-banner__kicker">{t('kicker')}</p>
          <h2 id={`disaster-banner-${d.id}`} className="disaster-banner__title">
            {language === 'en' ? d.bannerEn : d.banner}
          </h2>
          <ul className="disaster-banner__links">
            {!onGuide && (
              <li>
                <Link to={`/m/${code}/guides/${DISASTER_GUIDE_ID}`}>{t('guideLink')}</Link>
              </li>
            )}
            {!onRisai && (
              <li>
                <Link to={`/m/${code}/p/${RISAI_PROCEDURE_ID}`}>{t('risaiLink')}</Link>
              </li>
            )}
          </ul>
        </section>
      ))}
    </>
  );
}
