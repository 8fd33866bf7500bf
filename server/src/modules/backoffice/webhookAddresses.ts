/**
 * Which addresses a webhook may reach (server-side request forgery guard).
 * Loopback, link-local (the cloud metadata service lives there), unspecified,
 * multicast, broadcast and reserved addresses are refused always; private
 * ranges (10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7) only unless the
 * operator lists them in WEBHOOK_ALLOWED_NETWORKS — LGWAN receivers live on
 * private addresses. The check runs on the address actually connected to
 * (a custom DNS lookup), so a name that resolves elsewhere at send time than
 * at save time (DNS rebinding) is still refused.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';

/** Reachable only inside a network the operator listed. */
const PRIVATE = new Set<string>(['private', 'carrierGradeNat', 'uniqueLocal']);
// Public unicast addresses are reachable; every other range (loopback, link-local, unspecified, multicast,
// broadcast, reserved, and the IPv6 forms that embed an IPv4 address such as 6to4 and Teredo) is refused.
/** Cloud metadata endpoints, refused even inside an allowed network. */
const METADATA = ['169.254.169.254', 'fd00:ec2::254'];

export type AddressRefusal = 'loopback_or_reserved' | 'private_not_allowed' | 'metadata' | 'not_an_address';

export class WebhookAddressRefusedError extends Error {
  constructor(
    readonly address: string,
    readonly reason: AddressRefusal,
  ) {
    super(`webhook address ${address} refused (${reason})`);
    this.name = 'WebhookAddressRefusedError';
  }
}

export interface AddressPolicyOptions {
  /** CIDR blocks of private networks webhooks may reach (WEBHOOK_ALLOWED_NETWORKS). */
  allowedNetworks?: readonly string[];
  /** Tests only (WEBHOOK_TEST_ALLOW_LOOPBACK, accepted only with NODE_ENV=test): receivers on 127.0.0.1. */
  allowLoopbackForTests?: boolean;
  /** The resolver; tests give one that answers without DNS. */
  resolve?: (hostname: string) => Promise<string[]>;
}

const systemResolve = (hostname: string): Promise<string[]> =>
  new Promise((resolve, reject) => dnsLookup(hostname, { all: true, verbatim: true }, (error, addresses: LookupAddress[]) => (error ? reject(error) : resolve(addresses.map((a) => a.address)))));

/** Parses `10.0.0.0/8`-style blocks; throws on anything else (the configuration check names the bad value). */
export function parseNetworks(blocks: readonly string[]): Array<[ipaddr.IPv4 | ipaddr.IPv6, number]> {
  return blocks.map((block) => ipaddr.parseCIDR(block.trim()));
}

export class WebhookAddressPolicy {
  private readonly networks: Array<[ipaddr.IPv4 | ipaddr.IPv6, number]>;
  private readonly resolve: (hostname: string) => Promise<string[]>;

  constructor(private readonly options: AddressPolicyOptions = {}) {
    this.networks = parseNetworks(options.allowedNetworks ?? []);
    this.resolve = options.resolve ?? systemResolve;
  }

  /** Why an IP address may not be reached, or null when it may. */
  refusal(address: string): AddressRefusal | null {
    if (!ipaddr.isValid(address)) return 'not_an_address';
    let ip = ipaddr.parse(address);
    if (ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress()) ip = (ip as ipaddr.IPv6).toIPv4Address();
    if (METADATA.some((m) => ipaddr.parse(m).toNormalizedString() === ip.toNormalizedString())) return 'metadata';
    const range = ip.range();
    if (range === 'unicast') return null;
    if (range === 'loopback' && this.options.allowLoopbackForTests) return null;
    if (PRIVATE.has(range)) {
      const inside = this.networks.some(([net, bits]) => net.kind() === ip.kind() && ip.match(net as never, bits));
      return inside ? null : 'private_not_allowed';
    }
    return 'loopback_or_reserved';
  }

  /**
   * What can be told from the URL alone, at save time (no DNS): an address
   * written in the URL, in any of its forms (the URL parser turns decimal,
   * octal and hex IPv4 into dotted form), and the `localhost` names.
   */
  refusalForHost(hostname: string): AddressRefusal | null {
    const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
    if (host === 'localhost' || host.endsWith('.localhost')) return this.options.allowLoopbackForTests ? null : 'loopback_or_reserved';
    return isIP(host) ? this.refusal(host) : null;
  }

  /** Resolves `hostname` and refuses the connection if any address it resolves to is refused. */
  readonly lookup: LookupFunction = (hostname, options, callback) => {
    const literal = isIP(hostname) ? [hostname] : null;
    (literal ? Promise.resolve(literal) : this.resolve(hostname)).then(
      (addresses) => {
        const refused = addresses.map((a) => [a, this.refusal(a)] as const).find(([, r]) => r !== null);
        if (refused) return callback(new WebhookAddressRefusedError(refused[0], refused[1]!), '', 4);
        const first = addresses[0];
        if (!first) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), '', 4);
        if ((options as { all?: boolean }).all)
          return (callback as unknown as (e: null, a: LookupAddress[]) => void)(
            null,
            addresses.map((a) => ({ address: a, family: isIP(a) })),
          );
        callback(null, first, isIP(first));
      },
      (error: Error) => callback(error as NodeJS.ErrnoException, '', 4),
    );
  };
}
