import { isIP } from 'node:net';

/** Proxies whose X-Forwarded-For (and -Proto, -Host) the server believes; false: none. */
export type TrustedProxies = false | string[];

/** What `1` stands for: a proxy on this machine or on the private network. */
export const PRIVATE_NETWORK_PROXIES = ['loopback', 'uniquelocal'];
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrRange(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;
  const [address, bits, ...rest] = entry.split('/');
  const family = isIP(address ?? '');
  if (!family || rest.length > 0) return false;
  if (bits === undefined) return true;
  const width = family === 4 ? 32 : 128;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= width;
}

/**
 * KNOTWORK_TRUST_PROXY: a comma-separated list of the proxies' addresses or ranges
 * (`10.0.0.5, 10.1.0.0/16`). X-Forwarded-For is read only on connections that come from one of
 * them, so a client that reaches the server directly cannot choose its own address (and escape the
 * sign-in limits). `1` means proxies on loopback or private-network addresses.
 */
export function parseTrustProxy(value: string | undefined): TrustedProxies {
  const text = (value ?? '').trim();
  if (text === '' || text === '0' || text.toLowerCase() === 'false') return false;
  if (text === '1' || text.toLowerCase() === 'true') return [...PRIVATE_NETWORK_PROXIES];
  const entries = text
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  const wrong = entries.filter((e) => !isAddressOrRange(e));
  if (wrong.length > 0 || entries.length === 0) {
    throw new Error(
      `KNOTWORK_TRUST_PROXY must list the proxies' addresses or ranges, e.g. "10.0.0.5, 10.1.0.0/16" (or 1 for any ` +
        `proxy on the private network); "${wrong.join('", "') || text}" is not one.`,
    );
  }
  return entries;
}
