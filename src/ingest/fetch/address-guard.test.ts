import { describe, expect, test } from 'vitest'
import { LedeError } from '../../core/index.js'
import {
  assertUrlAllowed,
  isAddressAllowed,
  isPublicAddress,
  resolveAllowed,
} from './address-guard.js'

describe('isPublicAddress', () => {
  test.each([
    ['127.0.0.1', false], // loopback
    ['127.255.0.9', false],
    ['10.1.2.3', false], // private
    ['172.20.0.1', false],
    ['192.168.1.1', false],
    ['100.64.0.1', false], // carrier-grade NAT
    ['169.254.169.254', false], // link-local: cloud metadata
    ['224.0.0.1', false], // multicast
    ['239.255.255.250', false],
    ['0.0.0.0', false],
    ['255.255.255.255', false], // broadcast
    ['240.0.0.1', false], // reserved
    ['192.0.2.10', false], // documentation
    ['198.18.0.1', false], // benchmarking
    ['::', false],
    ['::1', false],
    ['[::1]', false],
    ['fe80::1', false], // link-local
    ['fe80::1%eth0', false],
    ['fd00::1', false], // unique local
    ['fc00::1', false],
    ['fec0::1', false], // site-local (deprecated)
    ['ff02::1', false], // multicast
    ['2001:db8::1', false], // documentation
    ['100::1', false], // discard
    ['::ffff:127.0.0.1', false], // IPv4-mapped, dotted
    ['::ffff:7f00:1', false], // IPv4-mapped, hex (as the URL parser writes it)
    ['::ffff:a00:1', false], // ::ffff:10.0.0.1
    ['::127.0.0.1', false], // IPv4-compatible (deprecated)
    ['64:ff9b::a00:1', false], // NAT64 of 10.0.0.1
    ['2002:7f00:1::1', false], // 6to4 of 127.0.0.1
    ['not-an-ip', false],
    ['', false],
    ['93.184.216.34', true],
    ['8.8.8.8', true],
    ['1.1.1.1', true],
    ['2606:2800:220:1:248:1893:25c8:1946', true],
    ['2001:4860:4860::8888', true],
    ['::ffff:8.8.8.8', true],
    ['64:ff9b::808:808', true], // NAT64 of 8.8.8.8
    ['2002:808:808::1', true], // 6to4 of 8.8.8.8
  ])('%s → %s', (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected)
  })
})

describe('policy', () => {
  test('allowPrivate allows everything; allowAddress allows the addresses it names', () => {
    expect(isAddressAllowed('127.0.0.1')).toBe(false)
    expect(isAddressAllowed('127.0.0.1', { allowPrivate: true })).toBe(true)
    expect(isAddressAllowed('10.0.0.5', { allowAddress: (a) => a === '10.0.0.5' })).toBe(true)
    expect(isAddressAllowed('10.0.0.6', { allowAddress: (a) => a === '10.0.0.5' })).toBe(false)
  })

  test.each([
    ['http://127.0.0.1/', 'blocked_address'],
    ['http://[::ffff:127.0.0.1]/', 'blocked_address'],
    ['http://0x7f.1/', 'blocked_address'], // the URL parser reads this as 127.0.0.1
    ['file:///etc/passwd', 'blocked_address'],
    ['javascript:alert(1)', 'blocked_address'],
    ['https://news.example/', undefined], // host names are checked after resolution
    ['http://93.184.216.34/', undefined],
  ])('assertUrlAllowed(%s)', (url, code) => {
    let thrown: unknown
    try {
      assertUrlAllowed(new URL(url))
    } catch (e) {
      thrown = e
    }
    if (code === undefined) expect(thrown).toBeUndefined()
    else expect(thrown).toMatchObject({ code })
  })

  test('resolveAllowed checks every address the resolver returns', async () => {
    const resolver = async (host: string) =>
      ({
        'ok.test': ['93.184.216.34'],
        'mixed.test': ['93.184.216.34', '10.0.0.1'],
        'none.test': [],
      })[host] ?? Promise.reject(new Error('ENOTFOUND'))
    await expect(resolveAllowed('ok.test', resolver)).resolves.toEqual(['93.184.216.34'])
    await expect(resolveAllowed('mixed.test', resolver)).rejects.toMatchObject({
      code: 'blocked_address',
    })
    await expect(resolveAllowed('none.test', resolver)).rejects.toMatchObject({
      code: 'fetch_failed',
    })
    await expect(resolveAllowed('nx.test', resolver)).rejects.toBeInstanceOf(LedeError)
  })
})
