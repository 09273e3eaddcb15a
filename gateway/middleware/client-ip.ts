import { isIPv4, isIPv6 } from 'node:net';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/**
 * The address a request came from: the socket's peer, or, behind a proxy the instance trusts
 * (TRUST_PROXY), the last address of `X-Forwarded-For`, the one that proxy itself appended (the
 * earlier ones are the client's word). Without a socket (a request made in-process): `unknown`.
 */
export function clientIp(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (forwarded && (isIPv4(forwarded) || isIPv6(forwarded))) return forwarded;
  }
  const env = c.env as { incoming?: unknown } | undefined;
  return (env?.incoming ? getConnInfo(c).remote.address : undefined) ?? 'unknown';
}

/**
 * What a per-address limit counts by: an IPv4 address (an IPv4-mapped IPv6 one as IPv4), or the
 * /64 network of an IPv6 address, which one subscriber usually holds whole: counting single
 * IPv6 addresses would give a client 2^64 fresh ones.
 */
export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return mapped[1];
  if (!isIPv6(address)) return address;
  const [head = '', tail] = address.split('%')[0]?.split('::') ?? [''];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  // A trailing dotted IPv4 part (`64:ff9b::1.2.3.4`) stands for two groups.
  const rightGroups = right.reduce((count, group) => count + (group.includes('.') ? 2 : 1), 0);
  const groups = tail === undefined ? left : [...left, ...Array<string>(Math.max(0, 8 - left.length - rightGroups)).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((group) => Number.parseInt(group, 16).toString(16))
    .join(':')}::/64`;
}
