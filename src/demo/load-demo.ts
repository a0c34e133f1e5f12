import type { DbHandle } from '../../db/create-db.ts'
import type { Principal } from '../access/principal.ts'
import { listVisibleOrganisations } from '../engine/organisations.service.ts'
import type { Cast } from './cast.ts'
import { demoUser, MemberTokens } from './demo-kit.ts'
import { besturen, createDirectory, DEMO_MARKER } from './directory.ts'
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
  const scope = besturen(dir)
  const issuer = admin.principal
  const hr = {
    amstelscholen: await demoUser(store, issuer, {
      name: 'HR Stichting Amstelscholen',
      role: 'hr',
      organisationIds: scope.amstelscholen,
    }),
    westerpoort: await demoUser(store, issuer, {
      name: 'HR Stichting Westerpoort Onderwijs',
      role: 'hr',
      organisationIds: scope.westerpoort,
    }),
  }
  const auditor = await demoUser(store, issuer, { name: 'Monitoringswerkgroep', role: 'auditor' })
  const teacher = await demoUser(store, issuer, {
    name: 'Noor Bakker (leraar)',
    role: 'teacher',
    personId: dir.person.noor.id,
  })
  const cast: Cast = { store, dir, admin, hr, members: new MemberTokens(store, issuer) }

  const pilots = [
    await scenario1a(cast),
    await scenario1b(cast),
    await scenario2a(cast),
    await scenario2b(cast),
  ]
  const transitions = await createTransitions(cast, teacher)
  const member = await cast.members.for(dir.person.ilse)

  return {
    dir,
    pilots,
    transitions,
    logins: [
      {
        role: 'admin',
        user: admin,
        who: 'Demo beheerder: everything; creates organisations, people, tokens and pilots.',
      },
      {
        role: 'hr',
        user: hr.amstelscholen,
        who: `HR of ${DEMO_MARKER} and its 4 organisations: settles their rolovergangen and acts in their teams.`,
      },
      {
        role: 'member',
        user: member,
        who: 'Ilse Vermeulen, coordinator for Opleidingsschool Noord-West: works in her teams and adds members.',
      },
      {
        role: 'teacher',
        user: teacher,
        who: 'Noor Bakker, leraar at Amstel Lyceum: her own rolovergangen; may request one and withdraw her own.',
      },
      {
        role: 'auditor',
        user: auditor,
        who: 'Monitoringswerkgroep: reads every history and verifies the hash chains; never writes.',
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
