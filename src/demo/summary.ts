import { REPORTS } from '../reports/run-report.ts'
import type { DbHandle } from '../../db/create-db.ts'
import { stateLabel } from '../../machines/index.ts'
import type { Role } from '../access/policy.ts'
import type { Principal } from '../access/principal.ts'
import type { MigrationReport } from '../engine/definitions/migrate-instances.service.ts'
import type { InstanceView } from '../engine/instance-view.ts'
import { listVisiblePilots } from '../engine/pilots.service.ts'
import { listVisibleInstances, readInstance } from '../engine/read-instances.ts'
import { verifyChains } from '../engine/verify.ts'
import type { DemoPilot, DemoTransition } from './cast.ts'
import type { DemoUser } from './demo-kit.ts'
import type { Directory } from './directory.ts'
import { pilotLines } from './summary-pilots.ts'

/** One printed token: who it is and what it is for. */
export interface DemoLogin {
  role: Role
  user: DemoUser
  /** Who this is and what they may do; the counts of what they see are added. */
  who: string
}

export interface DemoBuilt {
  dir: Directory
  /** How many people also work at a second organisation. */
  secondAffiliations: number
  pilots: DemoPilot[]
  transitions: DemoTransition[]
  /** The demo's own run of the migration of rolovergangen from version 1 to 2. */
  migration: MigrationReport
  logins: DemoLogin[]
}

const BASE = 'http://127.0.0.1:3000'

type Label = Parameters<typeof stateLabel>[0]

/** The printed summary, read back through the services so it says what is really stored. */
export async function summarise(store: DbHandle, built: DemoBuilt): Promise<string> {
  const admin = built.logins.find((l) => l.role === 'admin')?.user.principal
  if (!admin) throw new Error('the demo has no admin login')
  const lines: string[] = [
    `doorlopend demo loaded into ${store.dialect} ${store.location}`,
    'Everything went through the services, so every change is an event on a hash chain.',
    '',
    organisationsLine(built.dir),
    besturenLine(built.dir),
    `People (${Object.keys(built.dir.person).length}): fictional names; e-mail addresses only at example.nl; ${built.secondAffiliations} also work at a second organisation.`,
    '',
    ...(await pilotLines(store, admin, built.dir, built.pilots)),
  ]
  lines.push('', `Rolovergangen (${built.transitions.length}):`)
  for (const t of built.transitions) {
    const view = await readInstance(store, admin, t.instanceId)
    const who = `${t.person}, ${t.organisation}`.padEnd(42)
    lines.push(`  ${who} ${t.newRole.padEnd(24)} ${stateLabel(view.state as Label)}`)
    lines.push(`      ${transitionFacts(view)}`)
  }
  lines.push(...migrationLines(built.migration))
  const report = await verifyChains(store)
  lines.push(
    '',
    `History in the database: ${report.events} events on ${report.instances} hash chains; verify: ${report.ok ? 'ok' : `${report.breaks.length} breaks`}.`,
    '',
    'Tokens, one per role (shown only now; keep them):',
  )
  for (const login of built.logins) {
    lines.push(`  ${login.role.padEnd(8)} ${login.user.token}`)
    lines.push(`           ${login.who} Sees ${await reach(store, login.user.principal)}.`)
  }
  lines.push('', ...usage(built.logins))
  return lines.join('\n')
}

function organisationsLine(dir: Directory): string {
  const kinds = new Map<string, number>()
  for (const o of Object.values(dir.org)) kinds.set(o.kind, (kinds.get(o.kind) ?? 0) + 1)
  const parts = [...kinds].map(([kind, n]) => `${n} ${kind}`)
  return `Organisations (${Object.keys(dir.org).length}): ${parts.join(', ')}`
}

function besturenLine(dir: Directory): string {
  const besturen = Object.values(dir.org).filter((o) => o.kind === 'bestuur')
  const parts = besturen.map((b) => {
    const below = Object.values(dir.org).filter((o) => o.parentId === b.id)
    return `${b.name} (${below.map((o) => o.name).join(', ')})`
  })
  return `Besturen, with the organisations under them (their HR covers those): ${parts.join('; ')}`
}

/** The version a rolovergang runs, and what version 2 records of it: levels and the outcome. */
function transitionFacts(view: InstanceView): string {
  const version = `version ${String(view.machine.version)}`
  if (view.machine.version === 1) return `${version} (the migration to version 2 left it there)`
  const c = view.context as {
    startniveau?: { level: string } | null
    bereiktNiveau?: { level: string } | null
    uitkomst?: { outcome: string } | null
  }
  const parts = [version, `start level ${c.startniveau?.level ?? 'not recorded'}`]
  if (c.bereiktNiveau) parts.push(`level reached ${c.bereiktNiveau.level}`)
  if (c.uitkomst) parts.push(`outcome ${c.uitkomst.outcome}`)
  return parts.join('; ')
}

/** What the demo's migration did: which moved, and which stayed with the migration's reason. */
function migrationLines(report: MigrationReport): string[] {
  const moved = report.items.filter((i) => i.outcome === 'verplaatst').map((i) => i.title)
  const stayed = report.items
    .filter((i) => i.outcome === 'blijft')
    .map((i) => `      ${i.title}: ${i.reasons[0] ?? ''}`)
  return [
    '',
    `Migration of the rolovergangen to version ${String(report.to)}, run as an admin would after a release: ${String(report.moved)} moved (${moved.join(', ')}; a definitie.gemigreerd event on its chain), ${String(report.refused)} stayed on their version:`,
    ...stayed,
  ]
}

/** What a principal sees, counted through the same services the API uses. */
async function reach(store: DbHandle, principal: Principal): Promise<string> {
  if (principal.role === 'beleid') return `${REPORTS.length} rapportages`
  const page = { limit: 500 }
  const instances = async (machine: string) =>
    (await listVisibleInstances(store, principal, { ...page, machine })).items.length
  const parts = [
    `${await instances('ontwikkelteam')} teams`,
    `${await instances('rolovergang')} rolovergangen`,
  ]
  // Teachers may not list pilots at all (403); everyone else sees those of their teams.
  if (principal.role !== 'teacher') {
    parts.unshift(`${(await listVisiblePilots(store, principal, page)).items.length} pilots`)
  }
  return parts.join(', ')
}

function usage(logins: DemoLogin[]): string[] {
  const token = (role: Role) => logins.find((l) => l.role === role)?.user.token ?? '<token>'
  return [
    `Start the server (npm start) and try, against ${BASE} (or your HOST and PORT):`,
    `  curl -H "Authorization: Bearer ${token('member')}" ${BASE}/api/v1/instances`,
    `  curl -H "Authorization: Bearer ${token('teacher')}" ${BASE}/api/v1/transitions`,
    `  curl -H "Authorization: Bearer ${token('hr')}" "${BASE}/api/v1/instances?machine=rolovergang"`,
    `  curl -H "Authorization: Bearer ${token('auditor')}" ${BASE}/api/v1/audit/verify`,
    `  curl -H "Authorization: Bearer ${token('beleid')}" "${BASE}/api/v1/reports/doorlooptijd-vragen?format=csv"`,
    'The history of a process, with its hashes: GET /api/v1/instances/<id>/events.',
    'Or open the web UI at http://127.0.0.1:3000/ and log in by pasting one of these tokens.',
  ]
}
