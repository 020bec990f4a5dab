// Which IP addresses the fetcher may connect to. Loopback, private and link-local addresses are refused unless
// allowed; special-purpose ones (this network, multicast, reserved, documentation, benchmarking) always. An IPv6
// address that carries an IPv4 one — IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d), NAT64
// (64:ff9b::/96) or 6to4 (2002::/16) — is judged by the IPv4 address it leads to, in whichever notation it is
// written; Teredo tunnels and local-use NAT64 prefixes are refused outright.
import { BlockList, isIPv4, isIPv6 } from 'node:net';

export interface AddressOptions {
  /** Allow 127.0.0.0/8 and ::1 (tests). */
  allowLoopback?: boolean;
  /** Allow private (10/8, 172.16/12, 192.168/16, fc00::/7, 100.64/10) and link-local addresses. */
  allowPrivate?: boolean;
}

const loopbackRanges = new BlockList();
loopbackRanges.addSubnet('127.0.0.0', 8, 'ipv4');
loopbackRanges.addAddress('::1', 'ipv6');

const privateRanges = new BlockList();
for (const [net, bits] of [['10.0.0.0', 8], ['172.16.0.0', 12], ['192.168.0.0', 16], ['100.64.0.0', 10], ['169.254.0.0', 16]] as const) {
  privateRanges.addSubnet(net, bits, 'ipv4');
}
privateRanges.addSubnet('fc00::', 7, 'ipv6');
privateRanges.addSubnet('fe80::', 10, 'ipv6');

// Never a web server (RFC 6890's special-purpose registries): "this network", IETF protocol assignments,
// documentation, benchmarking (198.18.0.0/15), multicast, reserved, broadcast; the unspecified address,
// discard-only, Teredo, local-use NAT64, documentation and multicast in IPv6.
const neverRanges = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8], ['192.0.0.0', 24], ['192.0.2.0', 24], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24],
  ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) neverRanges.addSubnet(net, bits, 'ipv4');
neverRanges.addAddress('::', 'ipv6');
for (const [net, bits] of [['100::', 64], ['2001::', 32], ['64:ff9b:1::', 48], ['2001:db8::', 32], ['ff00::', 8]] as const) neverRanges.addSubnet(net, bits, 'ipv6');

/** The eight 16-bit words of an IPv6 address in any notation (compressed, dotted tail), or null. */
function ipv6Words(ip: string): number[] | null {
  if (!isIPv6(ip)) return null;
  let host: string;
  try {
    host = new URL(`http://[${ip}]/`).hostname.slice(1, -1); // canonical: lower-case hex, no dotted tail
  } catch {
    return null;
  }
  const [head, tail] = host.includes('::') ? host.split('::') : [host, null];
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const words = [...h, ...Array<string>(tail === null ? 0 : 8 - h.length - t.length).fill('0'), ...t].map((w) => parseInt(w, 16));
  return words.length === 8 && words.every((w) => Number.isInteger(w)) ? words : null;
}

const dotted = (hi: number, lo: number): string => `${hi >> 8}.${hi & 0xff}.${lo >> 8}.${lo & 0xff}`;

/** The IPv4 address an IPv6 address leads to (mapped, compatible, NAT64, 6to4), or null. */
export function embeddedIPv4(ip: string): string | null {
  const w = ipv6Words(ip);
  if (!w) return null;
  const zeros = (from: number, to: number): boolean => w.slice(from, to).every((x) => x === 0);
  if (zeros(0, 5) && w[5] === 0xffff) return dotted(w[6], w[7]); // ::ffff:a.b.c.d
  if (zeros(0, 6) && (w[6] !== 0 || w[7] > 1)) return dotted(w[6], w[7]); // ::a.b.c.d (not :: nor ::1)
  if (w[0] === 0x64 && w[1] === 0xff9b && zeros(2, 6)) return dotted(w[6], w[7]); // 64:ff9b::/96
  if (w[0] === 0x2002) return dotted(w[1], w[2]); // 2002:AABB:CCDD::/48
  return null;
}

/** Why an IP address may not be fetched from with these options, or null when it may. */
export function addressProblem(address: string, opts: AddressOptions): string | null {
  const ip = address.replace(/^\[|\]$/g, '');
  const v4 = isIPv4(ip) ? null : embeddedIPv4(ip);
  if (v4 !== null) {
    const problem = addressProblem(v4, opts);
    return problem === null ? null : `${problem} (reached through ${ip})`;
  }
  const type = isIPv4(ip) ? 'ipv4' : 'ipv6';
  if (neverRanges.check(ip, type)) return `address ${ip} is not a public web address`;
  if (loopbackRanges.check(ip, type)) return opts.allowLoopback || opts.allowPrivate ? null : `address ${ip} is a loopback address (refused unless allowed)`;
  if (privateRanges.check(ip, type)) return opts.allowPrivate ? null : `address ${ip} is a private or link-local address (refused unless allowed)`;
  return null;
}
