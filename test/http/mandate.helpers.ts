import type { EventAction, MachineDefinition, MachineEvent } from '../../machines/types.ts'
import type { Client } from '../support/app.ts'

// What the mandate tests share: the kinds of caller, the table of what each may send (by the rule
// the machine declares for the event), who each must be recorded as, and a small world of
// organisations, people and tokens.

export type Caller =
  'vertegenwoordiger' | 'ander-lid' | 'hr-binnen' | 'hr-buiten' | 'leraar' | 'auditor' | 'admin'
export const CALLERS: Caller[] = [
  'vertegenwoordiger',
  'ander-lid',
  'hr-binnen',
  'hr-buiten',
  'leraar',
  'auditor',
  'admin',
]

type Kind = 'namens' | 'lid' | 'team' | 'hr' | 'intrekken' | 'leraar' | 'beheer'

/** What each caller gets, per kind of event (the table the tests iterate over). */
export const EXPECTED: Record<Kind, Record<Caller, number>> = {
  // An act for organisation A: only A's representative in the team, or A's HR.
  namens: {
    vertegenwoordiger: 200,
    'ander-lid': 403,
    'hr-binnen': 200,
    'hr-buiten': 404,
    leraar: 404,
    auditor: 403,
    admin: 403,
  },
  // Membership: the coordinator (A's representative), HR of a party, admin.
  lid: {
    vertegenwoordiger: 200,
    'ander-lid': 403,
    'hr-binnen': 200,
    'hr-buiten': 404,
    leraar: 404,
    auditor: 403,
    admin: 200,
  },
  // The team's own work: every member, HR of a party, admin.
  team: {
    vertegenwoordiger: 200,
    'ander-lid': 200,
    'hr-binnen': 200,
    'hr-buiten': 404,
    leraar: 404,
    auditor: 403,
    admin: 200,
  },
  // A transition at organisation A, of a teacher of A: A's HR handles it; members do not see it.
  hr: {
    vertegenwoordiger: 404,
    'ander-lid': 404,
    'hr-binnen': 200,
    'hr-buiten': 404,
    leraar: 403,
    auditor: 403,
    admin: 200,
  },
  // The teacher owns their development: they may withdraw, as may HR and admin.
  intrekken: {
    vertegenwoordiger: 404,
    'ander-lid': 404,
    'hr-binnen': 200,
    'hr-buiten': 404,
    leraar: 200,
    auditor: 403,
    admin: 200,
  },
  // Reopening a stopped team: beheer only; every other role is told so.
  beheer: {
    vertegenwoordiger: 403,
    'ander-lid': 403,
    'hr-binnen': 403,
    // Who cannot see the team is not told it exists.
    'hr-buiten': 404,
    leraar: 404,
    auditor: 403,
    admin: 200,
  },
  // The teacher's own word (motives, leervraag, agreement to an afspraak): the teacher alone;
  // HR and admin, who may read the transition, are told so; who may not read it learns nothing.
  leraar: {
    vertegenwoordiger: 404,
    'ander-lid': 404,
    'hr-binnen': 403,
    'hr-buiten': 404,
    leraar: 200,
    auditor: 403,
    admin: 403,
  },
}

const KIND_OF_ACTION: Record<EventAction, Kind> = {
  'ontwikkelteam.event': 'team',
  'ontwikkelteam.lid': 'lid',
  'ontwikkelteam.heropenen': 'beheer',
  'rolovergang.event': 'hr',
  'rolovergang.intrekken': 'intrekken',
  'rolovergang.leraar': 'leraar',
}

/** The kind of an event, by the rule its machine declares for it. */
export function kindOf(def: MachineDefinition, type: string): Kind {
  const rule = def.rules[type]
  if (!rule) throw new Error(`${def.id} ${String(def.version)} has no rule for ${type}`)
  return rule.namens ? 'namens' : KIND_OF_ACTION[rule.action]
}

export const body = (e: MachineEvent) => ({
  type: e.type,
  payload: e.payload,
  ...(e.reason ? { reason: e.reason } : {}),
})

/** Organisations A (a school), B (an opleidingsschool) and C, their people, and a token each. */
export interface MandateWorld {
  ids: Record<'orgA' | 'orgB' | 'orgC' | 'repA' | 'repB' | 'hrA' | 'teacher', string>
  callers: Record<Caller, Client>
  /** HR of A and B: brings instances to where an event is possible. */
  driver: Client
}

export async function mandateWorld(admin: Client): Promise<MandateWorld> {
  const id = async (path: string, payload: unknown) => {
    const res = await admin.post(path, payload)
    if (res.status !== 201) throw new Error(JSON.stringify(res.body))
    return res.body.id as string
  }
  const token = async (payload: unknown) => {
    const res = await admin.post('/api/v1/tokens', payload)
    if (res.status !== 201) throw new Error(JSON.stringify(res.body))
    return admin.as(res.body.token as string)
  }
  const orgA = await id('/api/v1/organisations', { name: 'Sloterplas Mavo', kind: 'school' })
  const orgB = await id('/api/v1/organisations', {
    name: 'Opleidingsschool Noord-West',
    kind: 'opleidingsschool',
  })
  const orgC = await id('/api/v1/organisations', { name: 'IJdoorn College', kind: 'school' })
  const repA = await id('/api/v1/people', { name: 'Ilse Vermeulen', organisationId: orgA })
  const repB = await id('/api/v1/people', { name: 'Bram Jansen', organisationId: orgB })
  const hrA = await id('/api/v1/people', { name: 'Hanna Hofman', organisationId: orgA })
  const hrC = await id('/api/v1/people', { name: 'Cees Claes', organisationId: orgC })
  const teacher = await id('/api/v1/people', { name: 'Tara Tol', organisationId: orgA })
  const hr = (name: string, organisationIds: string[], personId: string) =>
    token({ name, role: 'hr', organisationIds, personId })
  return {
    ids: { orgA, orgB, orgC, repA, repB, hrA, teacher },
    callers: {
      vertegenwoordiger: await token({ name: 'rep A', role: 'member', personId: repA }),
      'ander-lid': await token({ name: 'lid B', role: 'member', personId: repB }),
      'hr-binnen': await hr('hr A', [orgA], hrA),
      'hr-buiten': await hr('hr C', [orgC], hrC),
      leraar: await token({ name: 'leraar', role: 'teacher', personId: teacher }),
      auditor: await token({ name: 'auditor', role: 'auditor' }),
      admin,
    },
    driver: await hr('hr A+B', [orgA, orgB], hrA),
  }
}

/** The person and organisation a successful caller's act must be recorded with. */
export function recordedActor(world: MandateWorld, caller: Caller) {
  const { ids } = world
  const acts: Partial<Record<Caller, { personId: string | null; organisationId: string | null }>> =
    {
      // A member acts for the organisation they represent in the team.
      vertegenwoordiger: { personId: ids.repA, organisationId: ids.orgA },
      'ander-lid': { personId: ids.repB, organisationId: ids.orgB },
      // HR acts for its organisation, where the instance is handled.
      'hr-binnen': { personId: ids.hrA, organisationId: ids.orgA },
      // The teacher speaks for themself, admin for no organisation.
      leraar: { personId: ids.teacher, organisationId: null },
      admin: { personId: null, organisationId: null },
    }
  return acts[caller]
}
