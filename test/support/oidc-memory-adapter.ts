import type { Adapter, AdapterFactory, AdapterPayload } from 'oidc-provider'

/**
 * A store of one provider's sessions, codes, grants and tokens in memory. Nothing is dropped on
 * time: oidc-provider's models check `exp` themselves, so an expired code is still found and then
 * refused as expired — as with a real store.
 */
class MemoryAdapter implements Adapter {
  readonly #entries = new Map<string, AdapterPayload>()

  async upsert(id: string, payload: AdapterPayload): Promise<void> {
    this.#entries.set(id, structuredClone(payload))
  }

  async find(id: string): Promise<AdapterPayload | undefined> {
    return this.#entries.get(id)
  }

  async findByUid(uid: string): Promise<AdapterPayload | undefined> {
    return [...this.#entries.values()].find((payload) => payload.uid === uid)
  }

  async findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
    return [...this.#entries.values()].find((payload) => payload.userCode === userCode)
  }

  async consume(id: string): Promise<void> {
    const payload = this.#entries.get(id)
    if (payload) payload.consumed = Math.floor(Date.now() / 1000)
  }

  async destroy(id: string): Promise<void> {
    this.#entries.delete(id)
  }

  async revokeByGrantId(grantId: string): Promise<void> {
    for (const [id, payload] of this.#entries) {
      if (payload.grantId === grantId) this.#entries.delete(id)
    }
  }
}

/** A fresh store per provider, one adapter per model name (Session, AuthorizationCode, …). */
export function memoryAdapterFactory(): AdapterFactory {
  const adapters = new Map<string, MemoryAdapter>()
  return (model) => {
    let adapter = adapters.get(model)
    if (!adapter) adapters.set(model, (adapter = new MemoryAdapter()))
    return adapter
  }
}
