import {
  type MigrationReport,
  migrateInstances,
} from '../engine/definitions/migrate-instances.service.ts'
import { Stream } from './demo-kit.ts'
import type { Cast, DemoTransition } from './cast.ts'
import { leraar } from './cast.ts'
import { open } from './transition-kit.ts'

// Two rolovergangen written as they were before version 2 existed: opened on version 1 and driven
// with version 1's events. Then the demo runs the declared migration, as an administrator would
// after a release: one moves to version 2 (a `definitie.gemigreerd` event in its history), the
// other is in a state the migration refuses and stays on version 1 for good, so the UI shows
// both versions side by side.

const V1 = 1

/**
 * Werkplekbegeleider on version 1: its role began without the teacher's agreement to the
 * afspraken, which version 2 asks for, so the migration leaves it where it is.
 */
async function blijftOpVersie1(cast: Cast): Promise<DemoTransition> {
  const hr = cast.hr.amstelscholen
  const wpb = await open(cast, hr, 'rutger', 'amstelLyceum', {
    newRole: 'werkplekbegeleider',
    currentRole: 'leraar',
    domain: 'leren-van-collegas',
    careerPath: 'andere-taken-en-rollen',
    since: '2025-04-07',
    version: V1,
  })
  const f = wpb.flow
  await f.on('2025-04-07').send(hr, 'behandeling.starten')
  await f.send(hr, 'toegang.orientatie-starten', {
    note: 'Een gesprek met de schoolopleider over wat werkplekbegeleiding vraagt.',
  })
  await f.on('2025-05-12').send(hr, 'toegang.toelaten', {
    method: 'selectie',
    note: 'Gekozen uit twee kandidaten van de sectie.',
  })
  await f.send(hr, 'ondersteuning.afspreken', {
    forms: ['begeleiding', 'scholing'],
    note: 'De training werkplekbegeleiding van de opleidingsschool, begeleid door de schoolopleider.',
  })
  await f.send(hr, 'facilitering.afspreken', {
    hoursPerYear: 40,
    compensation: 'Taakuren uit het professionaliseringsbudget van de school.',
  })
  await f.send(hr, 'erkenning.afspreken', {
    form: 'informeel',
    note: 'Genoemd als werkplekbegeleider in de stagegids.',
  })
  await f.on('2025-08-25').send(hr, 'rol.starten', { startDate: '2025-08-25' })
  return wpb.made
}

/** Rekencoördinator on version 1, in orientation with support agreed: the migration can map it. */
async function gaatNaarVersie2(cast: Cast): Promise<DemoTransition> {
  const hr = cast.hr.westerpoort
  const rc = await open(cast, hr, 'hanneke', 'zuiderpark', {
    newRole: 'rekencoördinator',
    currentRole: 'leraar wiskunde',
    domain: 'ontwikkelen-van-onderwijs',
    careerPath: 'beginner-naar-expert',
    since: '2026-04-13',
    version: V1,
  })
  await rc.flow.on('2026-04-13').send(hr, 'behandeling.starten')
  await rc.flow.send(hr, 'toegang.orientatie-starten', {
    note: 'Meelopen met de rekencoördinator van Sloterplas Mavo.',
  })
  await rc.flow.on('2026-05-04').send(hr, 'ondersteuning.afspreken', {
    forms: ['scholing', 'meelopen'],
    note: 'De opleiding rekencoördinator en meelopen met de rekencoördinator van Sloterplas Mavo.',
  })
  return rc.made
}

/**
 * Opens both, migrates every rolovergang of version 1 to version 2 (as the admin), and lets the
 * moved one go on under version 2: HR records the start level, which version 1 did not ask, and
 * the afspraak over ondersteuning now waits for the teacher's agreement, which she gives. Those
 * events carry no earlier effective date: they come after the migration, which took effect the
 * day it was run.
 */
export async function versie1(
  cast: Cast,
): Promise<{ transitions: DemoTransition[]; migration: MigrationReport }> {
  const stays = await blijftOpVersie1(cast)
  const moves = await gaatNaarVersie2(cast)
  const migration = await migrateInstances(cast.store, cast.admin.principal, {
    machine: 'rolovergang',
    to: 2,
    dryRun: false,
  })
  const after = new Stream(cast.store, moves.instanceId)
  await after.send(cast.hr.westerpoort, 'startniveau.vastleggen', {
    level: 'startend',
    note: 'Nieuw in de rol: Hanneke begint als startend rekencoördinator.',
  })
  await after.send(await leraar(cast, 'hanneke'), 'ondersteuning.instemmen', {
    note: 'Prima, als het meelopen op woensdag kan.',
  })
  return { transitions: [stays, moves], migration }
}
