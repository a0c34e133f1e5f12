import type { Context } from 'hono'

/** What the server knows of the client: its address and whether it reached us over HTTPS. */
export interface ClientFacts {
  address: string
  https: boolean
}

/**
 * The client's address and scheme. Without trusted proxies (the default) only the socket
 * counts: `X-Forwarded-For` and `-Proto` are whatever the client wrote. With `trustedProxies`
 * = n, the n-th address from the right of `X-Forwarded-For` is the client (each proxy appends
 * the address it saw), and the first `X-Forwarded-Proto` (set by the edge proxy) is believed.
 */
export function clientFacts(c: Context, trustedProxies: number): ClientFacts {
  const socket = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)
    ?.incoming?.socket
  const direct = socket?.remoteAddress ?? 'local'
  const ownHttps = new URL(c.req.url).protocol === 'https:'
  if (trustedProxies <= 0) return { address: direct, https: ownHttps }
  const chain = (c.req.header('x-forwarded-for') ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
  const address = chain[Math.max(0, chain.length - trustedProxies)] ?? direct
  // The edge proxy sets it; proxies behind it pass it on (some append their own hop's scheme).
  const proto = (c.req.header('x-forwarded-proto') ?? '').split(',')[0]?.trim()
  return { address, https: proto ? proto === 'https' : ownHttps }
}
