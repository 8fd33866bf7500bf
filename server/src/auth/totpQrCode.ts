/**
 * The QR code of a TOTP enrolment URI, drawn on the server (no outside
 * service ever sees the secret) as a PNG data URL the console shows as an
 * image (the CSP allows `data:` images). Error correction M, as authenticator
 * apps expect; the quiet zone is part of the image.
 */
import QRCode from 'qrcode';

export function totpQrCode(otpauthUri: string): Promise<string> {
  return QRCode.toDataURL(otpauthUri, { errorCorrectionLevel: 'M', margin: 4, scale: 6 });
}
