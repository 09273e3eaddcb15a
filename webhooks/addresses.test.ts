import { describe, expect, it } from 'vitest';
import { checkHost, isRefusedAddress, RefusedAddress } from './addresses.js';

describe('isRefusedAddress', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.255.255.254', true],
    ['10.1.2.3', true],
    ['172.16.0.1', true],
    ['172.31.255.255', true],
    ['172.32.0.1', false],
    ['192.168.1.1', true],
    ['169.254.169.254', true],
    ['100.64.0.1', true],
    ['100.128.0.1', false],
    ['0.0.0.0', true],
    ['224.0.0.1', true],
    ['239.255.255.250', true],
    ['255.255.255.255', true],
    ['198.51.100.7', true],
    ['8.8.8.8', false],
    ['93.184.216.34', false],
    ['1.1.1.1', false],
    ['::1', true],
    ['::', true],
    ['0:0:0:0:0:0:0:1', true],
    ['fe80::1', true],
    ['fe80::1%eth0', true],
    ['febf::1', true],
    ['fc00::1', true],
    ['fd12:3456:789a::1', true],
    ['ff02::1', true],
    ['::ffff:127.0.0.1', true],
    ['::ffff:7f00:1', true],
    ['::ffff:169.254.169.254', true],
    ['::ffff:8.8.8.8', false],
    ['::127.0.0.1', true],
    ['64:ff9b::10.0.0.1', true],
    ['64:ff9b::8.8.8.8', false],
    ['2002:c0a8:0101::1', true], // 6to4 of 192.168.1.1
    ['2002:0808:0808::1', false],
    ['2001:db8::1', true],
    ['2606:4700:4700::1111', false],
    ['2a00:1450:4001:80b::200e', false],
    ['not an address', true],
    ['1.2.3', true],
    ['1:2:3:4:5:6:7:8:9', true],
    ['1::2::3', true],
  ])('%s → refused %s', (address, refused) => {
    expect(isRefusedAddress(address)).toBe(refused);
  });
});

describe('checkHost', () => {
  it('refuses a loopback literal and a name that resolves to loopback', async () => {
    await expect(checkHost('127.0.0.1')).rejects.toBeInstanceOf(RefusedAddress);
    await expect(checkHost('::1')).rejects.toThrow(/non-public/);
    await expect(checkHost('localhost')).rejects.toThrow(/localhost" resolves to/);
  });

  it('refuses a name that does not resolve, and passes a public literal', async () => {
    await expect(checkHost('no-such-host.invalid')).rejects.toThrow(/does not resolve/);
    await expect(checkHost('8.8.8.8')).resolves.toEqual([{ address: '8.8.8.8', family: 4 }]);
  });
});
