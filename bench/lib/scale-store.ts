import { writeFileSync } from 'node:fs'
import { createDb, openSqliteConnection } from '../../db/create-db.ts'
import { migrateToLatest } from '../../db/migrate.ts'
import { getMachine } from '../../machines/index.ts'
import type { MachineDefinition, StoredSnapshot } from '../../machines/types.ts'
import { careerPaths, domains, scenarios, type Scenario } from '../../machines/vocabulary.ts'
import { refreshPlannerStatistics } from '../../db/planner-statistics.ts'
import { catchUpFacts } from '../../src/engine/facts/catch-up.ts'
import { newId } from '../../src/engine/ids.ts'
import { scenarioRules } from '../../src/engine/pilot-scenarios.ts'
import { rowWriter } from './scale-rows.ts'
import { DAY, generator, lengths, RUNNING, timesOf, walk, type Step } from './scale-walks.ts'

// A store of many instances for the scale case, written straight into a fresh SQLite file made
// by the real migrations: ≈ 96% rolovergangen and ≈ 4% ontwikkelteams (both version 2) over 20
// organisations, with their teachers, pilots and transitions. Each history is a prefix of a walk
// through the real machine (scale-walks.ts) on a valid hash chain. The facts are then built by
// the engine's own catch-up, as a server starting on this store would build them.

export interface ScaleStoreInfo {
  instances: number
  transitions: number
  teams: number
  events: number
  organisations: number
  people: number
  pilots: number
  /** Writing organisations, people, instances and events, in seconds. */
  writeSeconds: number
  /** catchUpFacts and the planner's statistics on the written store, in seconds, and how many instances it rebuilt. */
  catchUpSeconds: number
  rebuilt: number
  bestuurId: string
  /** The bestuur with its schools, as an hr principal's organisationIds hold them. */
  bestuurScope: string[]
  /** A fragment of teacher names that matches a handful of people. */
  nameFragment: string
  history: string
}

interface Organisation {
  id: string
  name: string
  kind: string
  parent: string | null
}

const ROLES = ['schoolopleider', 'werkplekbegeleider', 'intern begeleider', 'teamleider']
const MORE_ROLES = ['coördinator onderbouw', 'mentor', 'taalcoördinator', 'opleider in de school']
/** The kinds of organisation a pilot of each scenario takes part with (the first leads in 2a/2b). */
const PILOT_KINDS: Record<Scenario, string[]> = {
  '1a': ['opleidingsschool', 'school'],
  '1b': ['opleidingsschool', 'opleidingsschool', 'school', 'school'],
  '2a': ['huisacademie', 'opleidingsschool', 'lerarenopleiding'],
  '2b': ['huisacademie', 'school', 'school'],
}

/** Three besturen with four schools each, and eight organisations on their own. */
function organisations(): Organisation[] {
  const orgs: Organisation[] = []
  const add = (name: string, kind: string, parent: string | null = null) => {
    const org = { id: `org_${String(orgs.length + 1).padStart(2, '0')}`, name, kind, parent }
    orgs.push(org)
    return org.id
  }
  for (const bestuur of ['Amstelscholen', 'Noord-West', 'Zuidoost']) {
    const id = add(`Stichting ${bestuur}`, 'bestuur')
    for (const school of ['De Linde', 'Het Baken', 'De Regenboog', 'Amstel Lyceum']) {
      add(`${school} (${bestuur})`, 'school', id)
    }
  }
  add('Opleidingsschool Amsterdam Noord', 'opleidingsschool')
  add('Opleidingsschool Amsterdam Zuid', 'opleidingsschool')
  add('Huisacademie Amstelscholen', 'huisacademie')
  add('Hogeschool van Amsterdam, lerarenopleiding', 'lerarenopleiding')
  add('Gemeente Amsterdam', 'gemeente')
  return orgs
}

/** Writes the store at `path` and builds its facts; keeps what the measurement needs beside it. */
export async function buildScaleStore(
  path: string,
  knobs: { instances: number; events: number },
): Promise<ScaleStoreInfo> {
  const migrated = createDb(`sqlite:${path}`)
  await migrateToLatest(migrated.db)
  await migrated.destroy()

  const began = performance.now()
  const rng = generator(20_261_206)
  const now = Date.now()
  const created = new Date(now - 3 * 365 * DAY).toISOString()
  const db = openSqliteConnection(path)
  // Only while the store is written: a crash here loses a bench store, nothing else.
  db.pragma('synchronous = OFF')
  const { row, instance } = rowWriter(db, rng)
  const transaction = db.transaction((run: () => void) => run())

  const orgs = organisations()
  const ofKind = (kind: string) => orgs.filter((o) => o.kind === kind)
  const workplaces = [...ofKind('school'), ...ofKind('opleidingsschool')]
  const teamCount = Math.max(4, Math.round(knobs.instances * 0.04))
  const transitionCount = knobs.instances - teamCount
  const teacherCount = Math.max(1, Math.round(transitionCount * 0.85))
  const personId = (i: number) => `pers_${String(i + 1).padStart(7, '0')}`
  // One in ten teachers works at a second school as well.
  const worksAt = Array.from({ length: teacherCount }, () => [
    ...new Set([rng.pick(workplaces).id, rng.next() < 0.1 ? rng.pick(workplaces).id : '']),
  ])
  for (const places of worksAt) if (places[1] === '') places.pop()

  const team = getMachine('ontwikkelteam', 2) as MachineDefinition
  const pilotCount = Math.min(40, teamCount)
  const pilots = Array.from({ length: pilotCount }, (_, p) => {
    const scenario = scenarios[p % scenarios.length] as Scenario
    const rule = scenarioRules[scenario]
    const picked = PILOT_KINDS[scenario].map((kind, i) => {
      const candidates = ofKind(kind)
      return candidates[(p + i * 5) % candidates.length] as Organisation
    })
    const members = [...new Set(picked)]
    const lead = rule.form === 'leiderorganisatie' ? (members[0]?.id ?? null) : null
    const id = newId('pilot', now - 800 * DAY + p * DAY)
    const input = {
      pilotId: id,
      teamName: '__TEAM__',
      organisations: members.map((o) => ({ id: o.id, name: o.name })),
      organisationForm: rule.form,
      leadOrganisationId: lead,
      places: rule.places + rng.int(10),
    }
    // A few walks per pilot: each of its teams is a prefix of one of them.
    const walks = Array.from({ length: 3 }, () => walk(team, input, rng, 120))
    return { id, name: `Pilot ${p + 1} (${scenario})`, scenario, rule, members, lead, walks }
  })
  const teamPlan = Array.from({ length: teamCount }, (_, index) => {
    const pilot = pilots[index % pilotCount] as (typeof pilots)[number]
    const steps = rng.pick(pilot.walks)
    // A quarter has gone its whole walk; the others are somewhere along it.
    const count = rng.next() < 0.25 ? steps.length : 1 + rng.int(Math.max(1, steps.length - 1))
    return { index, pilot, steps, count }
  })
  const teamEvents = teamPlan.reduce((sum, t) => sum + t.count, 0)

  const rolovergang = getMachine('rolovergang', 2) as MachineDefinition
  const walkInput = {
    personId: 'persoon-1',
    organisationId: 'org-1',
    newRole: 'schoolopleider',
    currentRole: 'leraar',
    domain: 'leren-van-collegas',
    careerPath: 'andere-taken-en-rollen',
    startLevel: 'startend',
  }
  const transitionWalks = Array.from({ length: 300 }, () => walk(rolovergang, walkInput, rng, 40))
  const chosen = Array.from({ length: transitionCount }, () => rng.int(transitionWalks.length))
  const counts = lengths(
    chosen.map((w) => transitionWalks[w]?.length ?? 1),
    Float64Array.from({ length: transitionCount }, () => rng.next()),
    Math.max(transitionCount, knobs.events - teamEvents),
    0.3,
  )

  transaction(() => {
    for (const o of orgs) row('organisations', o.id, o.name, o.kind, o.parent, created)
    worksAt.forEach((places, i) => {
      row('people', personId(i), `Leraar ${i + 1}`, null, places[0], created, null)
      for (const org of places) row('affiliations', personId(i), org, 'leraar', created)
    })
    for (const p of pilots) {
      const ids = JSON.stringify(p.members.map((o) => o.id))
      row('pilots', p.id, p.name, p.scenario, ids, p.rule.form, p.lead, created)
    }
  })

  const writeTeam = (t: (typeof teamPlan)[number]) => {
    const person = (n: number) => personId((t.index * 37 + n * 11) % teacherCount)
    const teamName = `${rng.pick(t.pilot.rule.teamNames)} ${Math.floor(t.index / pilotCount) + 1}`
    const local = <T>(value: T): T =>
      JSON.parse(
        JSON.stringify(value)
          .replaceAll('"__TEAM__"', JSON.stringify(teamName))
          .replace(/"persoon-(\d+)"/g, (_, n: string) => `"${person(Number(n))}"`),
      ) as T
    const final = (t.steps[t.count - 1] as Step).snapshot
    const times = timesOf(t.count, RUNNING.includes(team.statusOf(final)), 6, now, rng)
    instance(team, t.steps, t.count, times, {
      title: `${t.pilot.name} — ${teamName}`,
      pilotId: t.pilot.id,
      personId: null,
      organisationIds: t.pilot.members.map((o) => o.id),
      snapshot: local,
      payload: (step) => local(step.payload),
      actor: () => ({
        tokenId: 'bench-lid',
        role: 'member',
        personId: person(1),
        organisationId: null,
      }),
    })
  }

  const writeTransition = (i: number) => {
    const steps = transitionWalks[chosen[i] ?? 0] as Step[]
    const count = counts[i] ?? 1
    // Every teacher has a rolovergang; some have a second.
    const teacher = i < teacherCount ? i : rng.int(teacherCount)
    const places = worksAt[teacher] ?? []
    // Most move to a role at their own school, some to another (mobility).
    const org = rng.next() < 0.8 ? (places[0] as string) : rng.pick(workplaces).id
    const fields = {
      personId: personId(teacher),
      organisationId: org,
      newRole: rng.next() < 0.8 ? rng.pick(ROLES) : rng.pick(MORE_ROLES),
      currentRole: 'leraar',
      domain: rng.pick(domains),
      careerPath: rng.pick(careerPaths),
    }
    const input = { ...fields, startLevel: 'startend' }
    const final = (steps[count - 1] as Step).snapshot
    const times = timesOf(count, RUNNING.includes(rolovergang.statusOf(final)), 12, now, rng)
    const id = instance(rolovergang, steps, count, times, {
      title: fields.newRole,
      pilotId: null,
      personId: fields.personId,
      organisationIds: [...new Set([org, ...places])],
      snapshot: (s: StoredSnapshot) => ({ value: s.value, context: { ...s.context, ...fields } }),
      payload: (step) => (step.type === 'aangemaakt' ? input : step.payload),
      actor: (type) =>
        /instemmen|inbreng/.test(type)
          ? {
              tokenId: 'bench-leraar',
              role: 'teacher',
              personId: fields.personId,
              organisationId: null,
            }
          : { tokenId: 'bench-hr', role: 'hr', personId: null, organisationId: org },
    })
    const createdAt = new Date(times[0] ?? now).toISOString()
    const { newRole, currentRole, domain, careerPath } = fields
    const rowValues = [id, fields.personId, org, newRole, currentRole, domain, careerPath]
    row('transitions', newId('trans', times[0]), ...rowValues, createdAt)
  }

  const BATCH = 2000
  for (let from = 0; from < teamCount; from += BATCH) {
    transaction(() => teamPlan.slice(from, from + BATCH).forEach(writeTeam))
  }
  for (let from = 0; from < transitionCount; from += BATCH) {
    transaction(() => {
      for (let i = from; i < Math.min(transitionCount, from + BATCH); i++) writeTransition(i)
    })
  }
  const events = teamEvents + counts.reduce((sum, n) => sum + n, 0)
  db.pragma('wal_checkpoint(TRUNCATE)')
  db.close()
  const writeSeconds = (performance.now() - began) / 1000

  const store = createDb(`sqlite:${path}`)
  const caughtUp = performance.now()
  const rebuilt = await catchUpFacts(store)
  // As a server does after its catch-up: the planner learns the tables' sizes.
  await refreshPlannerStatistics(store, rebuilt > 0)
  const catchUpSeconds = (performance.now() - caughtUp) / 1000
  await store.destroy()

  const bestuur = orgs[0] as Organisation
  const info: ScaleStoreInfo = {
    instances: knobs.instances,
    transitions: transitionCount,
    teams: teamCount,
    events,
    organisations: orgs.length,
    people: teacherCount,
    pilots: pilotCount,
    writeSeconds,
    catchUpSeconds,
    rebuilt,
    bestuurId: bestuur.id,
    bestuurScope: orgs
      .filter((o) => o.id === bestuur.id || o.parent === bestuur.id)
      .map((o) => o.id),
    nameFragment: `eraar ${String(Math.floor(teacherCount / 2)).slice(0, 4)}`,
    history:
      'valid hash chains; snapshots are those of walks through the machines with this instance’s people, organisations and role (their recorded times are the walk’s); no kept snapshots',
  }
  writeFileSync(`${path}.scale.json`, JSON.stringify(info))
  return info
}
