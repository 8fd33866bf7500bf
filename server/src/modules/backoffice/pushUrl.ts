/**
 * Where a push may go. A push carries the whole application, so encryption in
 * transit is not optional: https only (WEBHOOK_ALLOW_HTTP does not apply), the
 * one exception being a loopback receiver in the test suite
 * (WEBHOOK_TEST_ALLOW_LOOPBACK, refused outside NODE_ENV=test). Addresses
 * follow the webhook SSRF policy, checked again on every connection.
 */
import type { WebhookAddressPolicy } from './webhookAddresses';

const LOOPBACK_HOSTS = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

/** Why this URL may not be pushed to (`scheme`, `credentials`, `address`), or null. Reads no DNS. */
export function pushUrlRefusal(url: URL, addresses: WebhookAddressPolicy, allowLoopbackHttp: boolean): 'scheme' | 'credentials' | 'address' | null {
  if (url.username || url.password) return 'credentials';
  const loopbackHttp = url.protocol === 'http:' && allowLoopbackHttp && LOOPBACK_HOSTS.test(url.hostname);
  if (url.protocol !== 'https:' && !loopbackHttp) return 'scheme';
  return addresses.refusalForHost(url.hostname) ? 'address' : null;
}
