import type {
  MigrationItem,
  MigrationReport,
} from '../../engine/definitions/migrate-instances.service.ts'
import type { MachineVersionView } from '../../engine/machine-versions.service.ts'
import type { Who } from '../env.ts'
import { Csrf, Notice, Page } from '../layout.tsx'
import { ADMIN_CRUMBS } from './admin-pages.tsx'

/** The Dutch name of each machine, as a person reads it. */
const MACHINE_NAMES: Record<string, string> = {
  ontwikkelteam: 'Ontwikkelteam',
  rolovergang: 'Rolovergang',
}

export const machineName = (id: string) => MACHINE_NAMES[id] ?? id

/** "1 proces", "3 processen". */
const processen = (n: number) => `${String(n)} ${n === 1 ? 'proces' : 'processen'}`

/** Where an instance of this machine is shown. */
function instanceHref(machineId: string, instanceId: string): string {
  const base = machineId === 'ontwikkelteam' ? '/teams' : '/transitions'
  return `${base}/${encodeURIComponent(instanceId)}`
}

/** A machine that has a version after its oldest, with the versions it can move to. */
export interface Migratable {
  machineId: string
  /** The versions instances can be moved to, newest last. */
  targets: number[]
  /** Instances on a version older than the newest. */
  behind: number
}

export interface DefinitionsPageProps {
  who: Who
  path: string
  versions: MachineVersionView[]
  migratable: Migratable[]
  /** A dry run or a migration just run, to show below the versions. */
  report?: MigrationReport | undefined
  /** A form that could not be used, in Dutch. */
  problem?: string | undefined
}

/** Beheer: every version of every process, and moving running processes to a newer one. */
export function DefinitionsPage(props: DefinitionsPageProps) {
  const { who, report } = props
  return (
    <Page
      title="Procesdefinities"
      who={who}
      path={props.path}
      crumbs={ADMIN_CRUMBS}
      lead="Elk proces loopt op de versie van de regels waarmee het begon, tot u het overzet. Nieuwe processen krijgen altijd de nieuwste versie."
    >
      {props.problem && (
        <div class="problem" role="alert">
          <p>{props.problem}</p>
        </div>
      )}
      <Notice text={report && !report.dryRun ? doneText(report) : undefined} />
      <VersionsTable versions={props.versions} />
      {props.migratable.map((m) => (
        <PreviewForm migratable={m} />
      ))}
      {report && <ReportView who={who} report={report} />}
    </Page>
  )
}

function doneText(report: MigrationReport): string {
  const verb = report.refused === 1 ? 'bleef' : 'bleven'
  const stayed =
    report.refused > 0 ? `; ${processen(report.refused)} ${verb} op de eigen versie` : ''
  return `Gelukt: ${processen(report.moved)} overgezet naar versie ${String(report.to)}${stayed}. Elk overgezet proces heeft dat in zijn geschiedenis staan.`
}

function VersionsTable({ versions }: { versions: MachineVersionView[] }) {
  return (
    <div class="table-wrap">
      <table>
        <caption>Versies van de processen</caption>
        <thead>
          <tr>
            <th scope="col">Proces</th>
            <th scope="col">Versie</th>
            <th scope="col">Wat deze versie vastlegt</th>
            <th scope="col">Processen op deze versie</th>
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => (
            <tr>
              <th scope="row">{machineName(v.machineId)}</th>
              <td>
                Versie {String(v.version)} {v.latest && <span class="badge">nieuwste</span>}
              </td>
              <td>{v.summary ?? 'De eerste versie.'}</td>
              <td>{String(v.instances)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** The dry run: a GET form, since looking changes nothing. */
function PreviewForm({ migratable }: { migratable: Migratable }) {
  const { machineId, targets, behind } = migratable
  const id = `overzetten-${machineId}`
  const newest = targets[targets.length - 1]
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{machineName(machineId)}: overzetten naar een nieuwere versie</h2>
      <p>
        {behind === 0
          ? 'Alle processen lopen al op de nieuwste versie.'
          : `${processen(behind)} ${behind === 1 ? 'loopt' : 'lopen'} nog op een oudere versie. Bekijk eerst wat er per proces verandert; er wordt dan nog niets gewijzigd.`}
      </p>
      <form method="get" action="/admin/definities">
        <input type="hidden" name="proces" value={machineId} />
        {targets.length === 1 ? (
          <input type="hidden" name="naar" value={String(newest)} />
        ) : (
          <div class="field">
            <label for={`${id}-naar`}>Naar versie</label>
            <select id={`${id}-naar`} name="naar">
              {targets.map((t) => (
                <option value={String(t)} selected={t === newest}>
                  Versie {String(t)}
                </option>
              ))}
            </select>
          </div>
        )}
        <button type="submit" class="button">
          Bekijk wat er verandert
          {targets.length === 1 ? ` bij versie ${String(newest)}` : ''}
        </button>
      </form>
    </section>
  )
}

function ReportView({ who, report }: { who: Who; report: MigrationReport }) {
  const moves = report.items.filter((i) => i.outcome === 'verplaatst')
  const stays = report.items.filter((i) => i.outcome === 'blijft')
  const name = machineName(report.machine)
  const to = String(report.to)
  const liep = report.current === 1 ? 'liep' : 'liepen'
  const current =
    report.current > 0 ? ` ${processen(report.current)} ${liep} al op versie ${to}.` : ''
  return (
    <section aria-labelledby="verslag">
      <h2 id="verslag">
        {report.dryRun
          ? `${name}: wat er verandert bij overzetten naar versie ${to}`
          : `${name}: overgezet naar versie ${to}`}
      </h2>
      <p>
        {report.dryRun
          ? `${processen(report.moved)} ${report.moved === 1 ? 'gaat' : 'gaan'} over, ${processen(report.refused)} ${report.refused === 1 ? 'blijft' : 'blijven'} op de eigen versie.${current} Er is nog niets gewijzigd.`
          : `${processen(report.moved)} overgezet, ${processen(report.refused)} op de eigen versie gebleven.${current}`}
      </p>
      <ItemList
        id="gaat-over"
        title={report.dryRun ? 'Gaat over' : 'Overgezet'}
        items={moves}
        machineId={report.machine}
        tag={(i) => `versie ${String(i.from)} → ${String(i.to)}`}
        lines={(i) => i.changes}
      />
      <ItemList
        id="blijft"
        title={report.dryRun ? 'Blijft op de eigen versie, en waarom' : 'Bleef op de eigen versie'}
        items={stays}
        machineId={report.machine}
        tag={(i) => `blijft op versie ${String(i.from)}`}
        lines={(i) => i.reasons}
      />
      {report.dryRun &&
        (report.moved > 0 ? (
          <form method="post" action="/admin/definities/migreren" class="form-actions">
            <Csrf who={who} />
            <input type="hidden" name="proces" value={report.machine} />
            <input type="hidden" name="naar" value={to} />
            <p class="hint">
              Elk proces dat overgaat, krijgt dat als gebeurtenis in zijn eigen geschiedenis; verder
              verandert er niets. De processen die blijven, lopen op hun versie gewoon door.
            </p>
            <button type="submit" class="button">
              Migreer
            </button>
          </form>
        ) : (
          <p>Er is niets over te zetten.</p>
        ))}
    </section>
  )
}

function ItemList(props: {
  id: string
  title: string
  items: MigrationItem[]
  machineId: string
  /** A short note after the title: from which version to which. */
  tag: (item: MigrationItem) => string
  lines: (item: MigrationItem) => string[]
}) {
  if (props.items.length === 0) return null
  return (
    <section aria-labelledby={props.id}>
      <h3 id={props.id}>{props.title}</h3>
      <ul class="records">
        {props.items.map((item) => (
          <li>
            <a href={instanceHref(props.machineId, item.instanceId)}>{item.title}</a>{' '}
            <span class="muted">({props.tag(item)})</span>
            <ul class="reasons">
              {props.lines(item).map((line) => (
                <li>{line}</li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  )
}
