import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';

/**
 * Which IP addresses a webhook may not be sent to: anything that is not the public internet
 * (the host itself, the private networks, link-local such as the cloud metadata service at
 * 169.254.169.254, unique-local IPv6, multicast, reserved and documentation ranges). IPv6 forms
 * that carry an IPv4 address (mapped, NAT64, 6to4) are judged by that address.
 */

/** [first address, prefix length] of each range refused, as 4 bytes. */
const IPV4_REFUSED: Array<[number[], number]> = [
  [[0, 0, 0, 0], 8], // "this network"
  [[10, 0, 0, 0], 8], // private
  [[100, 64, 0, 0], 10], // carrier-grade NAT
  [[127, 0, 0, 0], 8], // loopback
  [[169, 254, 0, 0], 16], // link-local (cloud metadata)
  [[172, 16, 0, 0], 12], // private
  [[192, 0, 0, 0], 24], // IETF protocol assignments
  [[192, 0, 2, 0], 24], // documentation
  [[192, 88, 99, 0], 24], // 6to4 relay anycast
  [[192, 168, 0, 0], 16], // private
  [[198, 18, 0, 0], 15], // benchmarking
  [[198, 51, 100, 0], 24], // documentation
  [[203, 0, 113, 0], 24], // documentation
  [[224, 0, 0, 0], 4], // multicast
  [[240, 0, 0, 0], 4], // reserved, and the broadcast address
];

/** The same for IPv6, as 16 bytes (only the prefix's bytes need be given). */
const IPV6_REFUSED: Array<[number[], number]> = [
  [[0xfe, 0x80], 10], // link-local
  [[0xfc, 0x00], 7], // unique-local
  [[0xff, 0x00], 8], // multicast
  [[0x01, 0x00, 0, 0, 0, 0, 0, 0], 64], // discard-only
  [[0x20, 0x01, 0x0d, 0xb8], 32], // documentation
  [[0x20, 0x01, 0x00, 0x00], 32], // Teredo (tunnels to anywhere)
  [[0x20, 0x01, 0x00, 0x10], 28], // ORCHID
];

function inRange(bytes: number[], [base, prefix]: [number[], number]): boolean {
  for (let bit = 0; bit < prefix; bit += 1) {
    const index = bit >> 3;
    const mask = 0x80 >> (bit & 7);
    if (((bytes[index] ?? 0) & mask) !== ((base[index] ?? 0) & mask)) return false;
  }
  return true;
}

/** The 4 bytes of a dotted-quad IPv4 address, or undefined. */
function parseIpv4(text: string): number[] | undefined {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((part) => /^\d{1,3}$/.test(part) && Number(part) <= 255)) return undefined;
  return parts.map(Number);
}

/** The 16 bytes of an IPv6 address (with `::`, an embedded IPv4 tail, a zone id), or undefined. */
function parseIpv6(text: string): number[] | undefined {
  const address = text.replace(/%.*$/, '');
  let tail: number[] = [];
  let head = address;
  const lastColon = address.lastIndexOf(':');
  if (address.includes('.')) {
    const v4 = parseIpv4(address.slice(lastColon + 1));
    if (!v4) return undefined;
    tail = v4;
    // "::ffff:1.2.3.4" → "::ffff"; "::1.2.3.4" → "::".
    head = address.slice(0, lastColon + 1);
    if (!head.endsWith('::')) head = head.slice(0, -1);
  }
  const halves = head.split('::');
  if (halves.length > 2) return undefined;
  const groups = (half: string | undefined) => (half ? half.split(':') : []);
  const left = groups(halves[0]);
  const right = groups(halves[1]);
  if (![...left, ...right].every((group) => /^[0-9a-f]{1,4}$/i.test(group))) return undefined;
  const wanted = 8 - tail.length / 2;
  const missing = wanted - left.length - right.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const all = [...left, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...right];
  return [...all.flatMap((group) => [parseInt(group, 16) >> 8, parseInt(group, 16) & 0xff]), ...tail];
}

/**
 * Whether an IP address (v4 or v6, as DNS or a URL gives it) is one a webhook may not reach.
 * Anything that does not parse is refused too.
 */
export function isRefusedAddress(address: string): boolean {
  const v4 = parseIpv4(address);
  if (v4) return IPV4_REFUSED.some((range) => inRange(v4, range));
  const v6 = parseIpv6(address);
  if (!v6) return true;
  if (v6.every((byte, index) => byte === (index === 15 ? 1 : 0))) return true; // ::1 loopback
  if (v6.every((byte) => byte === 0)) return true; // :: unspecified
  // IPv4 carried in IPv6: mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d), NAT64 (64:ff9b::/96).
  const prefix96 = v6.slice(0, 12);
  const mapped = prefix96.every((byte, index) => byte === (index >= 10 ? 0xff : 0));
  const compatible = prefix96.every((byte) => byte === 0);
  const nat64 = inRange(v6, [[0x00, 0x64, 0xff, 0x9b], 96]);
  if (mapped || compatible || nat64) return IPV4_REFUSED.some((range) => inRange(v6.slice(12), range));
  if (inRange(v6, [[0x20, 0x02], 16])) return IPV4_REFUSED.some((range) => inRange(v6.slice(2, 6), range)); // 6to4
  return IPV6_REFUSED.some((range) => inRange(v6, range));
}

/** Why an endpoint's host may not be used: its message goes into a 400, or into a delivery's error. */
export class RefusedAddress extends Error {
  override readonly name = 'RefusedAddress';
}

/** A URL's host as DNS wants it (IPv6 literals without their brackets). */
export function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

const LOOKUP_TIMEOUT_MS = 5000;

/**
 * Resolve the host (every address it has) and throw {@link RefusedAddress} when any is refused or
 * when it does not resolve. Returns the addresses, so a caller can connect to exactly these.
 */
export async function checkHost(host: string): Promise<Array<{ address: string; family: number }>> {
  if (isIP(host)) {
    if (isRefusedAddress(host)) throw new RefusedAddress(`${host} is a private, loopback, link-local or otherwise non-public address`);
    return [{ address: host, family: isIP(host) }];
  }
  let addresses: Array<{ address: string; family: number }>;
  try {
    addresses = await Promise.race([
      lookup(host, { all: true, verbatim: true }),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timed out')), LOOKUP_TIMEOUT_MS).unref()),
    ]);
  } catch (error) {
    throw new RefusedAddress(`the host "${host}" does not resolve (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  const refused = addresses.find(({ address }) => isRefusedAddress(address));
  if (refused) throw new RefusedAddress(`the host "${host}" resolves to ${refused.address}, a private, loopback, link-local or otherwise non-public address`);
  if (addresses.length === 0) throw new RefusedAddress(`the host "${host}" has no address`);
  return addresses;
}
