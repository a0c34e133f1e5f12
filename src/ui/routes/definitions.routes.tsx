import type { Context } from 'hono'
import { Hono } from 'hono'
import { migrateInstances } from '../../engine/definitions/migrate-instances.service.ts'
import type { MigrationReport } from '../../engine/definitions/migrate-instances.service.ts'
import { listMachineVersions } from '../../engine/machine-versions.service.ts'
import type { MachineVersionView } from '../../engine/machine-versions.service.ts'
import type { UiDeps, UiEnv, Who } from '../env.ts'
import { readForm } from '../forms/read-form.ts'
import { DefinitionsPage, type Migratable } from '../pages/definitions-page.tsx'
import { html } from '../render.tsx'
import { guard } from '../session/guard.ts'

/** The machines with more than one version, and the versions their instances can move to. */
function migratableOf(versions: MachineVersionView[]): Migratable[] {
  const byMachine = new Map<string, MachineVersionView[]>()
  for (const v of versions) byMachine.set(v.machineId, [...(byMachine.get(v.machineId) ?? []), v])
  return [...byMachine].flatMap(([machineId, list]) =>
    list.length < 2
      ? []
      : [
          {
            machineId,
            targets: list.slice(1).map((v) => v.version),
            behind: list.filter((v) => !v.latest).reduce((n, v) => n + v.instances, 0),
          },
        ],
  )
}

/** The machine and version a form asks for, when they are one of the choices the page offered. */
function chosen(
  migratable: Migratable[],
  proces: unknown,
  naar: unknown,
): { machine: string; to: number } | undefined {
  const found = migratable.find((m) => m.machineId === proces)
  const to = typeof naar === 'string' && /^\d{1,4}$/.test(naar) ? Number(naar) : NaN
  return found && found.targets.includes(to) ? { machine: found.machineId, to } : undefined
}

const NOT_A_CHOICE =
  'Dit proces of deze versie staat niet in de lijst. Kies hieronder een proces en klik op ‘Bekijk wat er verandert’.'

/**
 * Beheer of the process definitions: every version with its instance count, a dry run of a
 * migration (a GET: looking changes nothing), and the migration itself (a POST with the session's
 * CSRF token, checked by the guard). Both go through the same service as the API, admin only.
 */
export function definitionRoutes(deps: UiDeps) {
  const page = guard(deps)

  async function render(
    c: Context<UiEnv>,
    who: Who,
    shown: { report?: MigrationReport; problem?: string } = {},
    status: 200 | 400 = 200,
  ) {
    const versions = await listMachineVersions(deps.store, who.principal)
    return html(
      c,
      <DefinitionsPage
        who={who}
        path={c.req.path}
        versions={versions}
        migratable={migratableOf(versions)}
        report={shown.report}
        problem={shown.problem}
      />,
      status,
    )
  }

  return new Hono<UiEnv>()
    .get(
      '/admin/definities',
      page(async (c, who) => {
        const { proces, naar } = c.req.query()
        if (proces === undefined && naar === undefined) return render(c, who)
        const versions = await listMachineVersions(deps.store, who.principal)
        const asked = chosen(migratableOf(versions), proces, naar)
        if (!asked) return render(c, who, { problem: NOT_A_CHOICE }, 400)
        const report = await migrateInstances(deps.store, who.principal, {
          ...asked,
          dryRun: true,
        })
        return render(c, who, { report })
      }),
    )
    .post(
      '/admin/definities/migreren',
      page(async (c, who) => {
        const form = await readForm(c)
        const versions = await listMachineVersions(deps.store, who.principal)
        const asked = chosen(migratableOf(versions), form['proces'], form['naar'])
        if (!asked) return render(c, who, { problem: NOT_A_CHOICE }, 400)
        const report = await migrateInstances(deps.store, who.principal, {
          ...asked,
          dryRun: false,
        })
        return render(c, who, { report })
      }),
    )
}
