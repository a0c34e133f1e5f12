import type { DbHandle } from '../../db/create-db.ts'
import type { Principal } from '../access/principal.ts'
import { authenticate } from '../access/tokens.ts'
import type { Actor } from '../engine/actor.ts'
import { DEFAULT_DOCUMENT_MAX_BYTES, inspectDocument } from '../engine/documents/document-upload.ts'
import { postEvent } from '../engine/post-event.ts'
import { issueToken } from '../engine/tokens.service.ts'
import type { TokenInput } from '../engine/tokens.service.ts'

/** A demo user: the secret of a real token and the principal it authenticates as. */
export interface DemoUser {
  name: string
  token: string
  principal: Principal
}

/**
 * Issues a token through the tokens service and authenticates it like a request would, so every
 * event the demo records carries a real token id and role.
 */
export async function demoUser(
  store: DbHandle,
  issuer: Actor,
  input: TokenInput,
): Promise<DemoUser> {
  const { token } = await issueToken(store, issuer, input)
  const principal = await authenticate(store.db, token)
  if (!principal) throw new Error(`demo token '${input.name}' does not authenticate`)
  return { name: input.name, token, principal }
}

interface SendOptions {
  reason?: string | undefined
  /** A document attached to the event, checked and stored as an upload through the API is. */
  document?: Uint8Array | undefined
}

/**
 * One process instance the demo drives through `postEvent`, the same path the API takes. `on`
 * sets the effective date of the events that follow, so the history reads as a school year.
 */
export class Stream {
  private date: string | undefined

  constructor(
    readonly store: DbHandle,
    readonly instanceId: string,
  ) {}

  on(date: string): this {
    this.date = date
    return this
  }

  /** The effective date set by `on`: the day the events that follow take effect. */
  get day(): string {
    if (!this.date) throw new Error(`stream ${this.instanceId} has no date yet`)
    return this.date
  }

  async send(
    by: DemoUser,
    type: string,
    payload: Record<string, unknown> = {},
    options: SendOptions = {},
  ): Promise<void> {
    const attachment = options.document
      ? inspectDocument(options.document, DEFAULT_DOCUMENT_MAX_BYTES)
      : undefined
    await postEvent(
      this.store,
      by.principal,
      this.instanceId,
      { type, payload, reason: options.reason, effectiveDate: this.date },
      { attachment },
    )
  }
}

/** What a person's token is called, by the role it has in the demo. */
const TOKEN_LABEL = { member: 'lid ontwikkelteam', teacher: 'leraar' } as const

/**
 * Tokens bound to a person, made on first use: one per person who acts in that role (a team
 * member in a team, a teacher in their own rolovergang). The same person may hold one of each.
 */
export class PersonTokens {
  private readonly users = new Map<string, DemoUser>()

  constructor(
    private readonly store: DbHandle,
    private readonly issuer: Principal,
    private readonly role: keyof typeof TOKEN_LABEL = 'member',
  ) {}

  async for(person: { id: string; name: string }): Promise<DemoUser> {
    const known = this.users.get(person.id)
    if (known) return known
    const user = await demoUser(this.store, this.issuer, {
      name: `${person.name} (${TOKEN_LABEL[this.role]})`,
      role: this.role,
      personId: person.id,
    })
    this.users.set(person.id, user)
    return user
  }
}
