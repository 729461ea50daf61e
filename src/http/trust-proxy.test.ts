import { describe, expect, it } from 'vitest';
import { parseTrustProxy, PRIVATE_NETWORK_PROXIES } from './trust-proxy.ts';

describe('KNOTWORK_TRUST_PROXY', () => {
  it('trusts no proxy when unset, empty or 0', () => {
    for (const value of [undefined, '', ' ', '0', 'false']) expect(parseTrustProxy(value)).toBe(false);
  });

  it('takes a list of addresses and ranges, IPv4 and IPv6', () => {
    expect(parseTrustProxy('10.0.0.5, 10.1.0.0/16,2001:db8::1 , fd00::/8')).toEqual([
      '10.0.0.5',
      '10.1.0.0/16',
      '2001:db8::1',
      'fd00::/8',
    ]);
  });

  it('reads 1 as the proxies of this machine and the private network, never as "any sender"', () => {
    expect(parseTrustProxy('1')).toEqual(PRIVATE_NETWORK_PROXIES);
  });

  it('refuses what is not an address or a range, naming it', () => {
    for (const wrong of ['2', 'yes', '10.0.0.300', '10.0.0.0/33', 'proxy.example.com', '::1/129', ',']) {
      expect(() => parseTrustProxy(wrong), wrong).toThrow(/KNOTWORK_TRUST_PROXY/);
    }
    expect(() => parseTrustProxy('10.0.0.1, nginx')).toThrow(/"nginx"/);
  });
});
