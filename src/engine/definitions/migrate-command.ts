import { parseArgs } from 'node:util'
import type { DbHandle } from '../../../db/create-db.ts'
import type { Principal } from '../../access/principal.ts'
import { migrateInstances } from './migrate-instances.service.ts'
import type { MigrationReport } from './migrate-instances.service.ts'

export const MIGRATE_INSTANCES_USAGE = `  doorlopend migrate-instances --machine ID --to VERSION [--dry-run] [--json]
                                       move running instances to a newer version of their
                                       machine by its declared migration; --dry-run shows
                                       per instance what would change and what stays`

/** The command line acts as an admin without a person: its events name the token `cli`. */
const CLI_PRINCIPAL: Principal = {
  tokenId: 'cli',
  role: 'admin',
  personId: null,
  organisationIds: null,
}

/** The report as people read it: one block per instance, then the totals. */
export function reportText(report: MigrationReport): string {
  const lines: string[] = []
  const verb = report.dryRun ? 'zou verplaatsen' : 'verplaatst'
  for (const item of report.items) {
    const head = `${item.instanceId} (${item.title}): versie ${String(item.from)} → ${String(item.to)}`
    if (item.outcome === 'verplaatst') {
      lines.push(`${head}: ${verb}`, ...item.changes.map((c) => `  - ${c}`))
    } else {
      lines.push(`${head}: blijft op versie ${String(item.from)}`)
      lines.push(...item.reasons.map((r) => `  - ${r}`))
    }
  }
  const moved = report.dryRun ? 'zouden verplaatst worden' : 'verplaatst'
  lines.push(
    '',
    `${report.machine} naar versie ${String(report.to)}${report.dryRun ? ' (proefdraai: niets vastgelegd)' : ''}:`,
    `  ${String(report.moved)} ${moved}, ${String(report.refused)} blijven op hun versie, ${String(report.current)} liepen al op versie ${String(report.to)}.`,
  )
  return lines.join('\n')
}

export async function migrateInstancesCommand(
  args: string[],
  withStore: <T>(run: (store: DbHandle) => Promise<T>) => Promise<T>,
): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      machine: { type: 'string' },
      to: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  })
  const to = Number(values.to)
  if (!values.machine || !Number.isSafeInteger(to)) {
    console.error(`Geef --machine en --to (een versienummer) op.\n\n${MIGRATE_INSTANCES_USAGE}`)
    return 2
  }
  const request = { machine: values.machine, to, dryRun: values['dry-run'] }
  const report = await withStore((store) => migrateInstances(store, CLI_PRINCIPAL, request))
  console.log(values.json ? JSON.stringify(report, null, 2) : reportText(report))
  return 0
}
