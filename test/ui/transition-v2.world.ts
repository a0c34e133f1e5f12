import { vi } from 'vitest'
import { insertTransition } from '../../db/queries/transitions.ts'
import { getMachine } from '../../machines/index.ts'
import { commit } from '../../src/engine/commit.ts'
import { createInstance } from '../../src/engine/create-instance.ts'
import { migrateInstances } from '../../src/engine/definitions/migrate-instances.service.ts'
import { newId } from '../../src/engine/ids.ts'
import type { Store } from '../../src/engine/store.ts'
import { ADMIN } from '../audit/support.ts'
import type { Client } from '../support/app.ts'
import type { UiWorld } from './support/fixtures.ts'

// Rolovergangen of both versions for the UI tests: one of version 2 taken all the way to its
// outcome, one of version 2 that waits for the teacher, and two of version 1, created as
// instances written before version 2 was released: one of them is then migrated to version 2.

interface Step {
  type: string
  payload?: Record<string, unknown>
  effectiveDate?: string
  /** The clock moves to this instant before the step (the tests run on fake dates). */
  at?: string
  /** Sent by the teacher, who owns their development. */
  teacher?: true
}

async function send(id: string, steps: Step[], as: { hr: Client; teacher: Client }) {
  for (const step of steps) {
    const client = step.teacher ? as.teacher : as.hr
    if (step.at) vi.setSystemTime(new Date(step.at))
    const res = await client.post(`/api/v1/instances/${id}/events`, {
      type: step.type,
      payload: step.payload ?? {},
      ...(step.effectiveDate ? { effectiveDate: step.effectiveDate } : {}),
    })
    if (res.status !== 200) throw new Error(`${step.type}: ${JSON.stringify(res.body)}`)
  }
}

async function open(world: UiWorld, newRole: string): Promise<string> {
  const res = await world.admin.post('/api/v1/transitions', {
    personId: world.teacherA,
    organisationId: world.orgA,
    newRole,
    domain: 'leren-van-collegas',
    careerPath: 'andere-taken-en-rollen',
  })
  if (res.status !== 201) throw new Error(JSON.stringify(res.body))
  return res.body.instanceId as string
}

/** Every question settled, the teacher's own word, a role that began, ended and was closed. */
function complete(hrPerson: string): Step[] {
  return [
    { type: 'startniveau.vastleggen', payload: { level: 'startend', note: 'Nieuw als opleider.' } },
    {
      type: 'inbreng.vastleggen',
      teacher: true,
      payload: {
        motieven: 'Ik wil collega’s helpen groeien.',
        leervraag: 'Hoe begeleid ik studenten op de werkplek?',
      },
    },
    { type: 'behandeling.starten' },
    { type: 'toegang.orientatie-starten', payload: { note: 'Twee dagen meelopen.' } },
    { type: 'toegang.toelaten', payload: { method: 'selectie', note: 'Gesprek gevoerd.' } },
    {
      type: 'ondersteuning.afspreken',
      payload: { forms: ['inductie', 'coaching'], note: 'Coaching door een ervaren opleider.' },
    },
    { type: 'ondersteuning.instemmen', teacher: true, payload: { note: 'Graag zo.' } },
    {
      type: 'facilitering.afspreken',
      payload: {
        hoursPerYear: 80,
        budgetSource: 'opleidingsschool',
        agreedBy: 'De schoolleiding',
        agreedByPersonId: hrPerson,
      },
    },
    { type: 'facilitering.instemmen', teacher: true },
    {
      type: 'erkenning.afspreken',
      payload: {
        recognitions: [
          { form: 'formeel', what: 'registerinschrijving', description: 'VELON-registratie' },
          { form: 'salaris', what: 'salarisschaal' },
          { form: 'informeel' },
        ],
        note: 'Registratie bij VELON en een hogere schaal.',
      },
    },
    { type: 'erkenning.instemmen', teacher: true },
    // Began on 1 September, recorded on 1 December: the page says both.
    {
      type: 'rol.starten',
      payload: { startDate: '2026-09-01' },
      effectiveDate: '2026-09-01',
      at: '2026-12-01T10:00:00.000Z',
    },
    { type: 'niveau.vastleggen', payload: { level: 'ervaren' } },
    { type: 'ondersteuning.afronden' },
    { type: 'erkenning.verlenen', payload: { note: 'Registratie ontvangen.' } },
    {
      type: 'rol.beeindigen',
      payload: { endDate: '2027-07-31', ending: 'termijn-afgelopen', note: 'Twee jaar.' },
    },
    { type: 'overgang.afronden', payload: { outcome: 'hybride', note: 'Ook bij de pabo.' } },
  ]
}

/** Admitted without orientation (with a reason), 0 hours (with a reason), afspraken waiting. */
const waiting: Step[] = [
  { type: 'behandeling.starten' },
  {
    type: 'toegang.toelaten',
    payload: {
      method: 'benoeming',
      note: 'Gekozen door de MR.',
      skipOrientationReason: 'Zat al twee jaar in de MR.',
    },
  },
  { type: 'ondersteuning.afspreken', payload: { forms: ['intervisie'], note: 'Intervisie.' } },
  {
    type: 'facilitering.afspreken',
    payload: {
      hoursPerYear: 0,
      budgetSource: 'school',
      agreedBy: 'De MR',
      zeroHoursReason: 'De vergaderingen vallen in de taakuren.',
    },
  },
]

/** A rolovergang of version 1, as the engine wrote it before version 2 existed. */
async function openV1(store: Store, world: UiWorld, newRole: string): Promise<string> {
  const v1 = getMachine('rolovergang', 1)
  if (!v1) throw new Error('rolovergang version 1 is not registered')
  const input = {
    personId: world.teacherA,
    organisationId: world.orgA,
    newRole,
    currentRole: null,
    domain: 'organiseren-van-onderwijs',
    careerPath: 'andere-taken-en-rollen',
  }
  return commit(store, ADMIN, async (w) => {
    const created = await createInstance(w, v1, {
      title: input.newRole,
      pilotId: null,
      personId: input.personId,
      organisationIds: [input.organisationId],
      input,
    })
    await insertTransition(w.tx, {
      id: newId('trans'),
      instance_id: created.instance.id,
      person_id: input.personId,
      organisation_id: input.organisationId,
      new_role: input.newRole,
      current_role: null,
      domain: input.domain,
      career_path: input.careerPath,
      created_at: w.now,
    })
    return created.instance.id
  })
}

const v1Steps: Step[] = [
  { type: 'behandeling.starten' },
  { type: 'toegang.toelaten', payload: { method: 'selectie', note: 'Gesprek gevoerd.' } },
  {
    type: 'facilitering.afspreken',
    payload: { hoursPerYear: 120, compensation: 'Taakuren uit het opleidingsbudget' },
  },
  { type: 'erkenning.afspreken', payload: { form: 'formeel', note: 'Een certificaat.' } },
]

/** Orientation first, then the afspraken: version 2 could have written this, so it migrates. */
const v1Migratable: Step[] = [
  { type: 'behandeling.starten' },
  { type: 'toegang.orientatie-starten', payload: { note: 'Een week meelopen.' } },
  { type: 'toegang.toelaten', payload: { method: 'benoeming', note: 'Benoemd na de week.' } },
  { type: 'ondersteuning.afspreken', payload: { forms: ['coaching'], note: 'Coaching.' } },
  {
    type: 'facilitering.afspreken',
    payload: { hoursPerYear: 40, compensation: 'Een uur per week minder les' },
  },
  { type: 'erkenning.afspreken', payload: { form: 'formeel', note: 'Coachcertificaat.' } },
]

export interface TransitionsV2 {
  /** Version 2, every question settled, closed with an outcome. */
  complete: string
  /** Version 2, ondersteuning and facilitering waiting for the teacher. */
  waiting: string
  /** Version 1, lopend: admitted without orientation, so it stays on version 1. */
  v1: string
  /** Begun on version 1, migrated to version 2 (afspraken waiting for the teacher). */
  migrated: string
}

/** Writes the three rolovergangen through the API (and version 1 through the engine). */
export async function transitionsV2(store: Store, world: UiWorld): Promise<TransitionsV2> {
  const as = { hr: world.admin.as(world.hrToken), teacher: world.admin.as(world.teacherToken) }
  const ids = {
    complete: world.transitionInstanceId,
    waiting: await open(world, 'mr-lid'),
    v1: await openV1(store, world, 'decaan'),
    migrated: await openV1(store, world, 'coach'),
  }
  await send(ids.complete, complete(world.hrPerson), as)
  await send(ids.waiting, waiting, as)
  const admin = { hr: world.admin, teacher: world.admin }
  await send(ids.v1, v1Steps, admin)
  await send(ids.migrated, v1Migratable, admin)
  const report = await migrateInstances(store, ADMIN, {
    machine: 'rolovergang',
    to: 2,
    dryRun: false,
  })
  if (report.moved !== 1 || report.refused !== 1) throw new Error(JSON.stringify(report))
  return ids
}
