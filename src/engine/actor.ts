/** Who performs an action: the token, its role, and the person it speaks for (if any). */
export interface Actor {
  tokenId: string
  role: string
  personId: string | null
}

/** The actor for actions the system takes itself (bootstrap, migrations of data). */
export const SYSTEM_ACTOR: Actor = { tokenId: 'system', role: 'system', personId: null }
