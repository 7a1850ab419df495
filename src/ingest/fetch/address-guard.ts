/**
 * @module ingest/fetch/address-guard: which addresses Lede may connect to, checked on the
 * address actually connected to. The guarded connector resolves a host name once, refuses it if
 * any address is not public, and connects to exactly the address it checked, so there is no gap
 * between check and use for DNS rebinding to slip through. Every redirect hop opens its
 * connection through the same connector.
 */
import { lookup } from 'node:dns/promises'
import { BlockList, isIP, isIPv4, isIPv6, type Socket } from 'node:net'
import { buildConnector } from 'undici'
import { LedeError } from '../../core/index.js'

/** Resolves a host name to IP addresses. Injected in tests so that no real DNS is asked. */
export type Resolver = (hostname: string) => Promise<string[]>

/** The system resolver (getaddrinfo), every address, in the order the system prefers. */
export const systemResolver: Resolver = async (hostname) =>
  (await lookup(hostname, { all: true, verbatim: true })).map((a) => a.address)

/** Which addresses may be connected to. By default only public unicast ones. */
export interface AddressPolicy {
  /** Allow every address, private ones included (`--allow-private`: tests and intranets). */
  allowPrivate?: boolean
  /** An extra allow rule for addresses the default refuses (e.g. one intranet host). */
  allowAddress?: (address: string) => boolean
}

// IANA special-purpose registries (RFC 6890 and updates): not globally reachable unicast.
const BLOCKED_V4: readonly (readonly [string, number])[] = [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local (cloud metadata lives here)
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.88.99.0', 24], // 6to4 relay anycast (deprecated)
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, and 255.255.255.255 broadcast
]
const BLOCKED_V6: readonly (readonly [string, number])[] = [
  ['100::', 64], // discard-only
  ['2001::', 23], // IETF protocol assignments (Teredo, benchmarking, ORCHID)
  ['2001:db8::', 32], // documentation
  ['3fff::', 20], // documentation (RFC 9637)
  ['5f00::', 16], // SRv6 SIDs
]

const V4 = new BlockList()
for (const [net, bits] of BLOCKED_V4) V4.addSubnet(net, bits, 'ipv4')
const V6 = new BlockList()
for (const [net, bits] of BLOCKED_V6) V6.addSubnet(net, bits, 'ipv6')
// Global unicast is 2000::/3; everything else (::1, fc00::/7, fe80::/10, ff00::/8 …) is refused.
const V6_GLOBAL = new BlockList()
V6_GLOBAL.addSubnet('2000::', 3, 'ipv6')

/**
 * Is an IP address a public unicast one? Loopback, private, link-local, multicast, reserved and
 * documentation addresses are not, in IPv4 and IPv6. IPv6 forms that embed an IPv4 address
 * (IPv4-mapped `::ffff:a.b.c.d` in either notation, NAT64 `64:ff9b::/96`, 6to4 `2002::/16`) are
 * judged by the IPv4 address they carry. Anything that is not an IP address is not public.
 */
export function isPublicAddress(address: string): boolean {
  const ip = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '')
  if (isIPv4(ip)) return !V4.check(ip, 'ipv4')
  if (!isIPv6(ip)) return false
  const words = ipv6Words(ip)
  if (words === undefined) return false
  const embedded = embeddedIPv4(words)
  if (embedded !== undefined) return isPublicAddress(embedded)
  if (words.slice(0, 6).every((w) => w === 0)) return false // ::, ::1, IPv4-compatible ::a.b.c.d
  return V6_GLOBAL.check(ip, 'ipv6') && !V6.check(ip, 'ipv6')
}

/** May the policy connect to this address? */
export function isAddressAllowed(address: string, policy: AddressPolicy = {}): boolean {
  if (policy.allowPrivate === true) return true
  if (isPublicAddress(address)) return true
  return policy.allowAddress?.(address.replace(/^\[|\]$/g, '')) === true
}

/**
 * Checks a URL before any connection: only http(s), and an IP-literal host must be allowed.
 * Host names are checked after resolution, by the connector.
 * @throws LedeError `blocked_address`
 */
export function assertUrlAllowed(url: URL, policy: AddressPolicy = {}): void {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new LedeError('blocked_address', `only http(s) URLs are fetched, not ${url.protocol}`, {
      url: url.href,
    })
  }
  const host = url.hostname.replace(/^\[|\]$/g, '')
  if (isIP(host) !== 0 && !isAddressAllowed(host, policy)) {
    throw new LedeError('blocked_address', `${host} is not a public address`, { url: url.href })
  }
}

/**
 * Resolves a host name and checks every address; refuses the host if any address is not allowed
 * (a name that mixes public and private addresses is a rebinding or misconfiguration risk).
 * @throws LedeError `blocked_address`, or `fetch_failed` when the name does not resolve
 */
export async function resolveAllowed(
  hostname: string,
  resolver: Resolver,
  policy: AddressPolicy = {},
): Promise<string[]> {
  const host = hostname.replace(/^\[|\]$/g, '')
  let addresses: string[]
  if (isIP(host) !== 0) addresses = [host]
  else {
    try {
      addresses = await resolver(host)
    } catch (e) {
      throw new LedeError('fetch_failed', `cannot resolve ${host}`, {}, { cause: e })
    }
  }
  if (addresses.length === 0) throw new LedeError('fetch_failed', `${host} has no address`)
  for (const a of addresses) {
    if (!isAddressAllowed(a, policy)) {
      throw new LedeError(
        'blocked_address',
        `${host} resolves to ${a}, which is not a public address (private addresses are refused unless allowed)`,
      )
    }
  }
  return addresses
}

export interface GuardedConnectorOptions {
  resolver: Resolver
  policy: AddressPolicy
  connectTimeoutMs: number
  /** Trusted certificate authorities for TLS (PEM); default Node's. */
  ca?: string[]
  debug?: ((message: string) => void) | undefined
}

/**
 * An undici connector that resolves through the injected resolver, applies the address policy,
 * and connects to the checked address itself (trying each in turn). After connecting it checks
 * the socket's remote address once more.
 */
export function createGuardedConnector(options: GuardedConnectorOptions): buildConnector.connector {
  const base = buildConnector({
    timeout: options.connectTimeoutMs,
    ...(options.ca !== undefined && { ca: options.ca }),
  })
  return (connectOptions, callback) => {
    const host = connectOptions.hostname
    const servername = connectOptions.servername ?? (isIP(host) === 0 ? host : undefined)
    resolveAllowed(host, options.resolver, options.policy).then(
      (addresses) => {
        const attempt = (i: number, lastError?: Error): void => {
          const address = addresses[i]
          if (address === undefined) {
            callback(lastError ?? new LedeError('fetch_failed', `cannot connect to ${host}`), null)
            return
          }
          options.debug?.(`connect ${host} → ${address}`)
          base(
            { ...connectOptions, hostname: address, ...(servername && { servername }) },
            (error, socket) => {
              if (error !== null) {
                attempt(i + 1, error)
                return
              }
              const remote = (socket as Socket).remoteAddress
              if (remote !== undefined && !isAddressAllowed(remote, options.policy)) {
                socket.destroy()
                callback(
                  new LedeError('blocked_address', `${host} connected to ${remote}, refused`),
                  null,
                )
                return
              }
              callback(null, socket)
            },
          )
        }
        attempt(0)
      },
      (error: Error) => callback(error, null),
    )
  }
}

/** The eight 16-bit words of an IPv6 address (already validated by `isIPv6`). */
function ipv6Words(ip: string): number[] | undefined {
  let text = ip.toLowerCase()
  let tail: number[] = []
  const dotted = /^(.*:)(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text)
  if (dotted) {
    const [a, b, c, d] = dotted.slice(2).map(Number) as [number, number, number, number]
    tail = [(a << 8) | b, (c << 8) | d]
    text = dotted[1]!
    if (!text.endsWith('::')) text = text.slice(0, -1)
  }
  const halves = text.split('::')
  if (halves.length > 2) return undefined
  const parse = (s: string): number[] =>
    s === ''
      ? []
      : s.split(':').map((h) => (/^[0-9a-f]{1,4}$/.test(h) ? Number.parseInt(h, 16) : Number.NaN))
  const head = parse(halves[0]!)
  const rest = halves.length === 2 ? parse(halves[1]!) : []
  const fill = halves.length === 2 ? 8 - head.length - rest.length - tail.length : 0
  if (fill < 0) return undefined
  const words = [...head, ...new Array<number>(fill).fill(0), ...rest, ...tail]
  return words.length === 8 && !words.some(Number.isNaN) ? words : undefined
}

/** The IPv4 address an IPv6 address carries (mapped, NAT64, 6to4), if any. */
function embeddedIPv4(w: number[]): string | undefined {
  const v4 = (hi: number, lo: number) => `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`
  // ::ffff:a.b.c.d (IPv4-mapped)
  if (w.slice(0, 5).every((x) => x === 0) && w[5] === 0xffff) return v4(w[6]!, w[7]!)
  // 64:ff9b::a.b.c.d (NAT64 well-known prefix, RFC 6052)
  if (w[0] === 0x64 && w[1] === 0xff9b && w.slice(2, 6).every((x) => x === 0)) {
    return v4(w[6]!, w[7]!)
  }
  // 2002:AABB:CCDD::/48 (6to4)
  if (w[0] === 0x2002) return v4(w[1]!, w[2]!)
  return undefined
}
