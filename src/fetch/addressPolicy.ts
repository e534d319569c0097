// Which addresses /add may connect to: public unicast only. Private, loopback, link-local (cloud
// metadata at 169.254.169.254), carrier-grade NAT, multicast, reserved and unspecified are refused,
// and so are IPv6 forms that embed an IPv4 address (mapped, 6to4, NAT64), judged by that address.
import ipaddr from 'ipaddr.js';

const NAMES: Record<string, string> = {
  loopback: 'a loopback address',
  private: 'a private address',
  linkLocal: 'a link-local address',
  uniqueLocal: 'a private address',
  carrierGradeNat: 'a private address',
  unspecified: 'an unspecified address',
  multicast: 'a multicast address',
  broadcast: 'a broadcast address',
};

/** Why `address` may not be fetched ("a loopback address"), or null when it is public. */
export function blockedRange(address: string): string | null {
  let ip: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    ip = ipaddr.parse(address.replace(/^\[|\]$/gu, ''));
  } catch {
    return 'not an IP address';
  }
  if (ip.kind() === 'ipv6') {
    const v6 = ip as ipaddr.IPv6;
    if (v6.isIPv4MappedAddress()) return blockedRange(v6.toIPv4Address().toString());
    const range = v6.range();
    if (range === 'unicast') return null;
    return NAMES[range] ?? `a reserved address (${range})`;
  }
  const range = ip.range();
  if (range === 'unicast') return null;
  return NAMES[range] ?? `a reserved address (${range})`;
}

export function isIpLiteral(host: string): boolean {
  return ipaddr.isValid(host.replace(/^\[|\]$/gu, ''));
}
