import type { Server as HttpServer } from 'node:http'

/**
 * How long a draining server still takes new connections. A load balancer needs a moment to see
 * /ready answer 503, and connections the kernel has already accepted must not be reset.
 */
const LISTEN_GRACE_MS = 1000

/**
 * A listening server's way out. Once `drain` begins, every answer carries `Connection: close`
 * and /ready says 503; after a short grace the server stops listening and closes its idle
 * connections; requests in flight finish; what is left when time runs out is cut.
 */
export class Drain {
  #active = false
  #server: HttpServer | undefined

  /** Watches `server`'s requests from now on; `drain` closes it. */
  attach(server: HttpServer): void {
    this.#server = server
    // First among the request listeners: the header is set before any response is written.
    server.prependListener('request', (_request, response) => {
      if (this.#active) response.setHeader('Connection', 'close')
    })
  }

  /** True from the start of the drain on. */
  get active(): boolean {
    return this.#active
  }

  /** Drains within `timeoutMs`; true when every connection closed on its own, false when cut. */
  async drain(timeoutMs: number): Promise<boolean> {
    this.#active = true
    const server = this.#server
    if (!server) return true
    let cut: NodeJS.Timeout | undefined
    const late = new Promise<false>((resolve) => {
      cut = setTimeout(() => resolve(false), timeoutMs)
    })
    const closed = (async () => {
      await new Promise((resolve) => setTimeout(resolve, Math.min(LISTEN_GRACE_MS, timeoutMs / 2)))
      // Closed in the check phase, right after a poll phase has accepted every connection the
      // kernel had queued: closing the listener resets any connection still waiting there.
      await new Promise((resolve) => setImmediate(resolve))
      // Also closes the connections that are idle now; the others close after their answer.
      await new Promise<void>((resolve) => server.close(() => resolve()))
      return true as const
    })()
    const clean = await Promise.race([closed, late])
    clearTimeout(cut)
    if (!clean) server.closeAllConnections()
    return clean
  }
}
