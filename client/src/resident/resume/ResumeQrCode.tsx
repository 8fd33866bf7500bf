/**
 * The resume link as a QR code, for 事前入力 (issue #19): a resident who
 * filled in forms at home shows it at the counter, and the clerk's scanner
 * types the link into the visit. Loaded only when a link exists (its own
 * chunk, with its own two sentences), so the form's page stays as light as it was.
 */
import { useEffect, useState } from 'react';
import { toDataURL } from 'qrcode';
import { useLanguage } from '../../common/i18n/LanguageContext';
import { translateFrom, type Catalogue } from '../../common/i18n/catalogue';

const QR_MESSAGES = {
  alt: ['再開用リンクのQRコード', 'QR code of the resume link'],
  hint: ['窓口で続きを職員と一緒に入力するときは、このQRコードを見せてください。', 'To finish the application at the counter with a clerk, show this QR code.'],
} satisfies Catalogue;

export default function ResumeQrCode({ link }: { link: string }) {
  const { language } = useLanguage();
  const [image, setImage] = useState<string | null>(null);
  useEffect(() => {
    let alive = true;
    // Medium error correction: readable from a phone screen held up to a counter scanner.
    toDataURL(link, { errorCorrectionLevel: 'M', margin: 2, width: 240 }).then(
      (url) => alive && setImage(url),
      () => alive && setImage(null),
    );
    return () => {
      alive = false;
    };
  }, [link]);
  if (!image) return null;
  return (
    <figure className="resume-panel__qr">
      <img src={image} width={240} height={240} alt={translateFrom(QR_MESSAGES, language, 'alt')} />
      <figcaption>{translateFrom(QR_MESSAGES, language, 'hint')}</figcaption>
    </figure>
  );
}

export { QR_MESSAGES };
