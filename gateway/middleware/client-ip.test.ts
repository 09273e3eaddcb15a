import { describe, expect, it } from 'vitest';
import { addressKey } from './client-ip.js';

describe('addressKey', () => {
  it.each([
    { address: '203.0.113.7', key: '203.0.113.7' },
    { address: '::ffff:203.0.113.7', key: '203.0.113.7' },
    { address: '::1', key: '0:0:0:0::/64' },
    { address: '2001:db8:85a3:8d3:1319:8a2e:370:7348', key: '2001:db8:85a3:8d3::/64' },
    { address: '2001:db8:85a3:8d3:ffff::1', key: '2001:db8:85a3:8d3::/64' },
    { address: '2001:0DB8::1', key: '2001:db8:0:0::/64' },
    { address: 'fe80::1%eth0', key: 'fe80:0:0:0::/64' },
    { address: '64:ff9b:1:2::198.51.100.1', key: '64:ff9b:1:2::/64' },
    { address: 'unknown', key: 'unknown' },
  ])('$address counts as $key', ({ address, key }) => {
    expect(addressKey(address)).toBe(key);
  });

  it('two addresses of one /64 count as one; of two /64s, as two', () => {
    expect(addressKey('2001:db8:1:2::a')).toBe(addressKey('2001:db8:1:2:ffff:ffff:ffff:ffff'));
    expect(addressKey('2001:db8:1:2::a')).not.toBe(addressKey('2001:db8:1:3::a'));
  });
});
