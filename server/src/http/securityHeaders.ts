/**
 * Security headers of every answer (helmet). The transport-upgrade parts —
 * `upgrade-insecure-requests` and HSTS — are sent only when PUBLIC_URL is
 * https: over plain HTTP (a trial on the office LAN) they would make the
 * browser fetch every script over https and show a blank page.
 */
import helmet from 'helmet';
import type { RequestHandler } from 'express';

/** Browser features the app never uses, switched off for the page and anything it embeds. */
export const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'autoplay=()',
  'bluetooth=()',
  'camera=()',
  'display-capture=()',
  'geolocation=()',
  'gyroscope=()',
  'hid=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'publickey-credentials-get=()',
  'serial=()',
  'usb=()',
  'xr-spatial-tracking=()',
].join(', ');

/** `cardAgentUrls`: the counter PCs' card-reader agents on loopback, which the console's pages may call. */
export function securityHeaders(publicUrl: string, cardAgentUrls: string[] = []): RequestHandler[] {
  const https = new URL(publicUrl).protocol === 'https:';
  return [
    helmet({
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          defaultSrc: ["'self'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          styleSrc: ["'self'", "'unsafe-inline'"],
          scriptSrc: ["'self'"],
          connectSrc: ["'self'", ...cardAgentUrls],
          // The one framing policy (X-Frame-Options is not sent beside it).
          frameAncestors: ["'none'"],
          upgradeInsecureRequests: https ? [] : null,
        },
      },
      strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
      xFrameOptions: false,
    }),
    (_req, res, next) => {
      res.setHeader('Permissions-Policy', PERMISSIONS_POLICY);
      next();
    },
  ];
}
