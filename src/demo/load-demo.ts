import type { DbHandle } from '../../db/create-db.ts'
import type { Principal } from '../access/principal.ts'
import { listVisibleOrganisations } from '../engine/organisations.service.ts'
import type { Cast } from './cast.ts'
import { demoUser, PersonTokens } from './demo-kit.ts'
import { addSecondAffiliations, createDirectory, DEMO_MARKER, under } from './directory.ts'
import { scenario1a } from './pilot-1a.ts'
import { scenario1b } from './pilot-1b.ts'
import { scenario2a } from './pilot-2a.ts'
import { scenario2b } from './pilot-2b.ts'
import { type DemoBuilt, summarise } from './summary.ts'
import { createTransitions } from './transitions.ts'

/** The demo acts from the command line first, as src/cli.ts does, to issue its own admin token. */
const CLI: Principal = { tokenId: 'cli', role: 'admin', personId: null, organisationIds: null }

/**
 * Loads the demo dataset through the services (never SQL), so everything is audited, and returns
 * the summary with a token per role. On a database that already holds the demo it changes
 * nothing and says how to start over.
 */
export async function loadDemo(store: DbHandle): Promise<string> {
  if (await demoPresent(store)) return alreadyLoaded(store)
  return summarise(store, await buildDemo(store))
}

/** Builds the demo and returns what it made, with the printed logins. */
export async function buildDemo(store: DbHandle): Promise<DemoBuilt> {
  const admin = await demoUser(store, CLI, { name: 'Demo beheerder', role: 'admin' })
  const dir = await createDirectory(store, admin.principal)
  const issuer = admin.principal
  // HR of each bestuur is a person who works there; the token names only the bestuur, and
  // authentication adds the organisations under it.
  const hr = {
    amstelscholen: await demoUser(store, issuer, {
      name: `HR ${DEMO_MARKER} (${dir.person.ingrid.name})`,
      role: 'hr',
      organisationIds: [dir.org.amstelscholen.id],
      personId: dir.person.ingrid.id,
    }),
    westerpoort: await demoUser(store, issuer, {
      name: `HR ${dir.org.westerpoort.name} (${dir.person.martijn.name})`,
      role: 'hr',
      organisationIds: [dir.org.westerpoort.id],
      personId: dir.person.martijn.id,
    }),
  }
  const secondAffiliations = await addSecondAffiliations(store, dir, {
    admin: admin.principal,
    amstelscholen: hr.amstelscholen.principal,
    westerpoort: hr.westerpoort.principal,
  })
  const auditor = await demoUser(store, issuer, { name: 'Monitoringswerkgroep', role: 'auditor' })
  const beleid = await demoUser(store, issuer, { name: 'Taskforce Lerarentekort', role: 'beleid' })
  const cast: Cast = {
    store,
    dir,
    admin,
    hr,
    members: new PersonTokens(store, issuer, 'member'),
    teachers: new PersonTokens(store, issuer, 'teacher'),
  }
  // The printed teacher token is Noor Bakker's own, the one her rolovergangen are driven with.
  const teacher = await cast.teachers.for(dir.person.noor)

  const pilots = [
    await scenario1a(cast),
    await scenario1b(cast),
    await scenario2a(cast),
    await scenario2b(cast),
  ]
  const { transitions, migration } = await createTransitions(cast, teacher)
  const member = await cast.members.for(dir.person.ilse)

  return {
    dir,
    secondAffiliations,
    pilots,
    transitions,
    migration,
    logins: [
      {
        role: 'admin',
        user: admin,
        who: 'Demo beheerder: creates organisations, people, tokens and pilots and sees everything, but never speaks for an organisation (ambitie, belang, onderschrijven, akkoord).',
      },
      {
        role: 'hr',
        user: hr.amstelscholen,
        who: `${dir.person.ingrid.name}, hr-adviseur at ${DEMO_MARKER}: HR of the bestuur and the ${under(dir, 'amstelscholen').length} organisations under it: settles their rolovergangen, acts in their teams and may speak for them; reads Noor Bakker's request at ${dir.org.zuiderpark.name} but does not handle it.`,
      },
      {
        role: 'member',
        user: member,
        who: 'Ilse Vermeulen, coordinator for Opleidingsschool Noord-West: works in her teams, adds members and speaks for Noord-West.',
      },
      {
        role: 'teacher',
        user: teacher,
        who: `Noor Bakker, leraar at Amstel Lyceum: her own rolovergangen, one of them at ${dir.org.zuiderpark.name} (handled by HR of ${dir.org.westerpoort.name}); records her own motives and leervraag, agrees to the afspraken HR makes, may request one anywhere and withdraw her own.`,
      },
      {
        role: 'auditor',
        user: auditor,
        who: 'Monitoringswerkgroep: reads every history and verifies the hash chains; never writes.',
      },
      {
        role: 'beleid',
        user: beleid,
        who: 'Taskforce Lerarentekort: reads the reports only (lead times, funnels, outcomes, scores, budget), without names, every cell of fewer than 5 people shown as "< 5".',
      },
    ],
  }
}

async function demoPresent(store: DbHandle): Promise<boolean> {
  let after: string | undefined
  for (;;) {
    const page = await listVisibleOrganisations(store, CLI, { limit: 500, after })
    if (page.items.some((o) => o.name === DEMO_MARKER)) return true
    if (!page.next) return false
    after = page.next
  }
}

function alreadyLoaded(store: DbHandle): string {
  const startOver =
    store.dialect === 'sqlite'
      ? `stop the server, delete ${store.location} (and its -wal and -shm files), and run \`npx doorlopend demo\` again`
      : 'drop and recreate the PostgreSQL database (or schema), and run `npx doorlopend demo` again'
  return [
    `The demo is already loaded in ${store.dialect} ${store.location} (organisation '${DEMO_MARKER}' exists); nothing was changed.`,
    'Its tokens were shown only once, when it was loaded.',
    `To start over: ${startOver}.`,
    'Or make a new admin token: npx doorlopend token create --name beheerder --role admin',
    '(person ids for member and teacher tokens are in GET /api/v1/transitions and in each team’s members).',
  ].join('\n')
}
