// Which addresses /add may connect to: public unicast only. Private, loopback, link-local (cloud
// metadata at 169.254.169.254), carrier-grade NAT, multicast, reserved and unspecified are refused,
// and so are IPv6 forms that embed an IPv4 address: mapped and IPv4-compatible judged by that address,
// 6to4, NAT64 and the rest of ::/8 refused as reserved.
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
    // ::/8 is reserved (RFC 4291 §2.4) but ipaddr.js calls most of it unicast. Inside it, the
    // deprecated IPv4-compatible form ::a.b.c.d (URLs write ::127.0.0.1 as ::7f00:1) still reaches
    // that IPv4 address on some stacks: judge it by that address, and refuse the rest of ::/8.
    if (range === 'unicast' && v6.parts[0]! < 0x100) {
      if (v6.parts.slice(0, 6).every((p) => p === 0)) return blockedRange(ipaddr.fromByteArray(v6.toByteArray().slice(12)).toString());
      return 'a reserved address (::/8)';
    }
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
