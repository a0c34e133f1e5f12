import type {
  EventAction,
  EventRule,
  MachineDefinition,
  StoredSnapshot,
} from '../../machines/types.ts'
import { reaches, ruleFor } from '../access/policy.ts'
import type { Principal } from '../access/principal.ts'
import { forbidden, notFound } from '../errors.ts'
import { handlingScope, instanceScope } from './scope.ts'

// Who may do what on an instance, for whom. The machine declares per event the policy action
// and whether the act is done for an organisation named in the payload (EventRule); this file is
// the one place that evaluates it: postEvent before it writes, and the UI (and its inbox) to
// offer exactly what a caller may do.

/** What a caller may do with one event type on an instance. */
export interface Permission {
  allowed: boolean
  /**
   * For an act done for an organisation (`namens`): the organisations of the instance the caller
   * may act for (empty: none, so not allowed). null: the event names no organisation.
   */
  organisations: string[] | null
}

export interface On {
  instanceId: string
  def: MachineDefinition
  snapshot: StoredSnapshot
  /** The organisations the instance belongs to. */
  organisationIds: readonly string[]
  /** Their names, for reasons (default: as the machine knows them). */
  nameOf?: ((organisationId: string) => string) | undefined
}

const nameIn = (on: On) => (id: string) =>
  on.nameOf ? on.nameOf(id) : on.def.organisationName(on.snapshot.context, id)

function ruleOf(def: MachineDefinition, type: string): EventRule | undefined {
  return Object.hasOwn(def.rules, type) ? def.rules[type] : undefined
}

/** The organisations of the instance `principal` may act for, for an act `namens` one of them. */
function mandates(principal: Principal, on: On): string[] {
  // Representing an organisation in a team is a team member's; an admin stays beheer, even when
  // its token is bound to someone who is in the team.
  const mine =
    principal.role === 'member' && principal.personId
      ? on.def.representedBy(on.snapshot.context, principal.personId)
      : []
  const hr =
    principal.role === 'hr' && principal.organisationIds
      ? on.organisationIds.filter((id) => principal.organisationIds?.includes(id))
      : []
  return on.organisationIds.filter((id) => mine.includes(id) || hr.includes(id))
}

/** What `principal` may do with `type` on the instance (role, reach and mandate). */
export function permission(principal: Principal, on: On, type: string): Permission {
  const rule = ruleOf(on.def, type)
  if (!rule) return { allowed: false, organisations: null }
  const scopeRule = ruleFor(principal.role, rule.action)
  const scope = handlingScope(on.def.id, on.snapshot, on.organisationIds)
  if (!scopeRule || !reaches(principal, scopeRule, scope)) {
    return { allowed: false, organisations: null }
  }
  const lead = leadOf(on, rule)
  if (lead !== null) {
    const mayLead = mandates(principal, on).includes(lead)
    return { allowed: mayLead, organisations: rule.namens && mayLead ? [lead] : null }
  }
  if (!rule.namens) return { allowed: true, organisations: null }
  const organisations = mandates(principal, on)
  return { allowed: organisations.length > 0, organisations }
}

/** An event type the caller may send to an instance (in a state where it applies). */
export interface MayPost {
  type: string
  /** An act for an organisation: those the caller may act for. null: it names none. */
  organisationIds: string[] | null
}

/** Every event type of the machine that `principal` may send to the instance, in its order. */
export function allowedEvents(principal: Principal, on: On): MayPost[] {
  const allowed: MayPost[] = []
  for (const type of Object.keys(on.def.events)) {
    const p = permission(principal, on, type)
    if (p.allowed) allowed.push({ type, organisationIds: p.organisations })
  }
  return allowed
}

/** Who may send an event of each kind, said to someone whose role may not. */
const WHO_MAY: Record<EventAction, string> = {
  'ontwikkelteam.event':
    'Dit leggen de leden van het ontwikkelteam vast, of HR van een van de organisaties.',
  'ontwikkelteam.lid':
    'Leden toevoegen of verwijderen doet een coördinator van het team, of HR van een van de organisaties.',
  'ontwikkelteam.heropenen':
    'Een gestopt team heropent alleen beheer (een beheerder), met een reden; vraag het de beheerder.',
  'rolovergang.event':
    'Dit legt HR vast van de organisatie waar de nieuwe rol is; vraag het de HR-adviseur.',
  'rolovergang.intrekken':
    'Een rolovergang trekt de leraar zelf in, of HR van de organisatie waar de nieuwe rol is.',
  'rolovergang.leraar':
    'Dit legt alleen de leraar zelf vast: het zijn de eigen motieven, leervraag of instemming van de leraar.',
}

/**
 * Checks that `principal` may send `type` with `payload` and returns the organisation the act is
 * done for (null: none). Throws 403 with a Dutch reason naming who may, or 404 when the instance
 * is out of the caller's reach altogether. An unknown type passes: the machine refuses it.
 */
export function authorizeEvent(
  principal: Principal,
  on: On,
  type: string,
  payload: Record<string, unknown>,
): string | null {
  const rule = ruleOf(on.def, type)
  if (!rule) return null
  const scopeRule = ruleFor(principal.role, rule.action)
  if (!scopeRule) throw forbidden(WHO_MAY[rule.action])
  const handling = handlingScope(on.def.id, on.snapshot, on.organisationIds)
  if (!reaches(principal, scopeRule, handling)) {
    // Someone who may read it learns who may act; anyone else learns nothing.
    const read = instanceScope(on.def.id, on.snapshot, on.organisationIds)
    if (!reaches(principal, ruleFor(principal.role, 'instance.read') ?? scopeRule, read)) {
      throw notFound('Proces', on.instanceId)
    }
    throw forbidden(whoMay(principal, on, scopeRule))
  }
  const lead = leadOf(on, rule)
  if (lead !== null) {
    if (!mandates(principal, on).includes(lead)) throw forbidden(leadOnly(on, lead))
    return lead
  }
  if (rule.namens) {
    const organisationId = payload[rule.namens]
    // Not an id at all: the payload check refuses it (400, with the field).
    if (typeof organisationId !== 'string') return null
    // Nobody speaks here for an organisation the instance does not belong to.
    if (!mandates(principal, on).includes(organisationId)) {
      throw forbidden(noMandate(principal, on, organisationId))
    }
    return organisationId
  }
  return actingFor(principal, on)
}

/** The lead organisation whose act this is (a `lead` rule on an instance that has one), or null. */
function leadOf(on: On, rule: EventRule): string | null {
  if (!rule.lead || !on.def.leadOrganisation) return null
  return on.def.leadOrganisation(on.snapshot.context)
}

function leadOnly(on: On, lead: string): string {
  const name = nameIn(on)(lead)
  return `In deze pilot is ${name} de leidende organisatie en beslist zij hierover: alleen een teamlid namens ${name} of HR van ${name} mag dit doen.`
}

/** The organisation an act that names none is done for: the one the actor represents here. */
function actingFor(principal: Principal, on: On): string | null {
  if (principal.role === 'member' && principal.personId) {
    const represented = on.def.representedBy(on.snapshot.context, principal.personId)
    if (represented[0]) return represented[0]
  }
  if (principal.role === 'hr' && principal.organisationIds) {
    const handled = handlingScope(on.def.id, on.snapshot, on.organisationIds).organisationIds
    return handled.find((id) => principal.organisationIds?.includes(id)) ?? null
  }
  return null
}

/** Why a caller who may read the instance may not do this, and who may. */
function whoMay(principal: Principal, on: On, rule: string): string {
  if (rule === 'coordinator') {
    return 'Alleen een coördinator van het team, of HR van een deelnemende organisatie, mag leden toevoegen of verwijderen.'
  }
  if (rule === 'self') return 'Dit mag alleen wie zelf in dit proces staat.'
  const handledBy = on.def.parties(on.snapshot.context).handledBy ?? on.organisationIds
  const by = handledBy.map(nameIn(on))
  return `Dit proces wordt behandeld door HR van ${by.join(', ')}; u kunt het alleen inzien.`
}

function noMandate(principal: Principal, on: On, organisationId: string): string {
  const name = nameIn(on)
  const who = `Alleen een teamlid namens ${name(organisationId)} of HR van ${name(organisationId)} mag dit namens ${name(organisationId)} doen.`
  const own = mandates(principal, on)
  if (own.length > 0) return `${who} U kunt dit alleen namens ${own.map(name).join(', ')} doen.`
  return `${who} U vertegenwoordigt in dit proces geen organisatie.`
}
