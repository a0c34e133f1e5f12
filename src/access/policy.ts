import { forbidden, notFound } from '../errors.ts'
import type { Principal } from './principal.ts'

export const ROLES = ['admin', 'hr', 'member', 'teacher', 'auditor', 'beleid'] as const
export type Role = (typeof ROLES)[number]

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value)
}

/**
 * How far a role reaches for an action:
 * - `all`: everything;
 * - `organisations`: objects concerning one of the token's organisations (auditor without
 *   organisations: all);
 * - `self`: objects concerning the token's person (a team they are in, their own transition);
 * - `coordinator`: teams in which the token's person is a coordinator.
 */
export type ScopeRule = 'all' | 'organisations' | 'self' | 'coordinator'

/** What an object concerns, for scope checks. */
export interface Scope {
  organisationIds: readonly string[]
  personIds: readonly string[]
  coordinatorIds?: readonly string[]
}

/**
 * THE policy table: for each action, the roles that may take it and how far they reach. A role
 * missing from a row may never take the action (403); an object outside its reach is 404.
 */
export const POLICY = {
  'organisation.create': { admin: 'all' },
  /** Organisation names are no personal data: beleid filters its reports by them. */
  'organisation.read': {
    admin: 'all',
    hr: 'organisations',
    auditor: 'organisations',
    beleid: 'organisations',
  },
  'person.create': { admin: 'all', hr: 'organisations' },
  'person.erase': { admin: 'all' },
  'person.read': {
    admin: 'all',
    hr: 'organisations',
    auditor: 'organisations',
    member: 'self',
    teacher: 'self',
  },
  'token.create': { admin: 'all' },
  'token.read': { admin: 'all' },
  'token.revoke': { admin: 'all' },
  'pilot.create': { admin: 'all', hr: 'organisations' },
  'pilot.read': { admin: 'all', hr: 'organisations', auditor: 'organisations', member: 'self' },
  'transition.create': { admin: 'all', hr: 'organisations', teacher: 'self' },
  'transition.read': {
    admin: 'all',
    hr: 'organisations',
    auditor: 'organisations',
    teacher: 'self',
  },
  'instance.read': {
    admin: 'all',
    hr: 'organisations',
    auditor: 'organisations',
    member: 'self',
    teacher: 'self',
  },
  /** The names of a team's members: whoever reads the team may know who is in it. */
  'team.members': { admin: 'all', hr: 'organisations', auditor: 'organisations', member: 'self' },
  'ontwikkelteam.event': { admin: 'all', hr: 'organisations', member: 'self' },
  'ontwikkelteam.lid': { admin: 'all', hr: 'organisations', member: 'coordinator' },
  /** Reopening a stopped team: beheer corrects a stop, with a reason on record. */
  'ontwikkelteam.heropenen': { admin: 'all' },
  'rolovergang.event': { admin: 'all', hr: 'organisations' },
  'rolovergang.intrekken': { admin: 'all', hr: 'organisations', teacher: 'self' },
  /** The teacher's own word in their transition: motives, leervraag, agreement to an afspraak. */
  'rolovergang.leraar': { teacher: 'self' },
  'audit.read': { admin: 'all', auditor: 'organisations' },
  'audit.export': { admin: 'all', auditor: 'organisations' },
  'accesslog.read': { admin: 'all', auditor: 'organisations', teacher: 'self', member: 'self' },
  /** Counts and timings of the whole server (/metrics), without ids or personal data. */
  'metrics.read': { admin: 'all', auditor: 'all' },
  /** Moving running instances to another version of their machine (a declared migration). */
  'machine.migrate': { admin: 'all' },
  /**
   * Reports: aggregates over the instances in reach. Beleid (taskforce, gemeente, a board) reads
   * nothing else, and sees every cell of fewer than 5 people as "< 5".
   */
  'report.read': {
    admin: 'all',
    hr: 'organisations',
    auditor: 'organisations',
    beleid: 'organisations',
  },
  /** The caller's own start page: every role has one; what it shows stays within each role's reach. */
  'inbox.read': {
    admin: 'all',
    hr: 'all',
    member: 'all',
    teacher: 'all',
    auditor: 'all',
    beleid: 'all',
  },
  'machine.read': {
    admin: 'all',
    hr: 'all',
    member: 'all',
    teacher: 'all',
    auditor: 'all',
  },
} as const satisfies Record<string, Partial<Record<Role, ScopeRule>>>

export type Action = keyof typeof POLICY

/** The scope rule of `role` for `action`, or undefined when the role may never take it. */
export function ruleFor(role: Role, action: Action): ScopeRule | undefined {
  const row: Partial<Record<Role, ScopeRule>> = POLICY[action]
  return row[role]
}

/** May this role ever take one of these actions? */
export function roleMay(role: Role, actions: readonly Action[]): boolean {
  return actions.some((action) => ruleFor(role, action) !== undefined)
}

/** Roles whose token may hold no organisations, meaning all of them. */
const UNSCOPED_ROLES: readonly Role[] = ['admin', 'auditor', 'beleid']

/** Whether an object with this scope is within the principal's reach under `rule`. */
export function reaches(principal: Principal, rule: ScopeRule, scope: Scope): boolean {
  switch (rule) {
    case 'all':
      return true
    case 'organisations': {
      const mine = principal.organisationIds
      if (mine === null) return UNSCOPED_ROLES.includes(principal.role)
      return scope.organisationIds.some((id) => mine.includes(id))
    }
    case 'self':
      return principal.personId !== null && scope.personIds.includes(principal.personId)
    case 'coordinator':
      return (
        principal.personId !== null && (scope.coordinatorIds ?? []).includes(principal.personId)
      )
  }
}

/** The roles as people call them, for refusals. */
export const ROLE_NAMES: Record<Role, string> = {
  admin: 'beheerder',
  hr: 'HR-adviseur',
  member: 'teamlid',
  teacher: 'leraar',
  auditor: 'auditor',
  beleid: 'beleidsmedewerker',
}

const notForRole = (principal: Principal) =>
  forbidden(`Als ${ROLE_NAMES[principal.role]} mag u dit niet.`)

/** Throws 403 when the role may never take the action, 404 when the object is out of reach. */
export function authorize(
  principal: Principal,
  action: Action,
  scope: Scope,
  subject: { what: string; id: string },
): void {
  const rule = ruleFor(principal.role, action)
  if (!rule) throw notForRole(principal)
  if (!reaches(principal, rule, scope)) throw notFound(subject.what, subject.id)
}

/** Throws 403 unless the role may take the action at all (before any object is loaded). */
export function authorizeRole(principal: Principal, action: Action): ScopeRule {
  const rule = ruleFor(principal.role, action)
  if (!rule) throw notForRole(principal)
  return rule
}
