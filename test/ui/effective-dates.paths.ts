import type { Client } from '../support/app.ts'

// What it takes to reach `rol.starten` in each version of the rolovergang: HR's steps, and in
// version 2 the teacher's agreement to each afspraak.

interface Step {
  type: string
  payload?: Record<string, unknown>
  /** Sent by the teacher, who owns their development (version 2 only). */
  teacher?: true
}

const v1: Step[] = [
  { type: 'behandeling.starten' },
  {
    type: 'toegang.toelaten',
    payload: { method: 'selectie', note: 'Gesprek met de schoolleiding gevoerd.' },
  },
  {
    type: 'ondersteuning.afspreken',
    payload: { forms: ['begeleiding'], note: 'Begeleiding door een ervaren collega.' },
  },
  {
    type: 'facilitering.afspreken',
    payload: { hoursPerYear: 120, compensation: 'Taakuren uit het opleidingsbudget' },
  },
]

const v2: Step[] = [
  { type: 'behandeling.starten' },
  { type: 'toegang.orientatie-starten', payload: { note: 'Twee dagen meelopen.' } },
  {
    type: 'toegang.toelaten',
    payload: { method: 'selectie', note: 'Gesprek met de schoolleiding gevoerd.' },
  },
  {
    type: 'ondersteuning.afspreken',
    payload: { forms: ['inductie', 'begeleiding'], note: 'Inwerkperiode met een collega.' },
  },
  { type: 'ondersteuning.instemmen', teacher: true },
  {
    type: 'facilitering.afspreken',
    payload: { hoursPerYear: 120, budgetSource: 'opleidingsschool', agreedBy: 'De schoolleiding' },
  },
  { type: 'facilitering.instemmen', teacher: true },
  {
    type: 'erkenning.afspreken',
    payload: {
      recognitions: [
        { form: 'formeel', what: 'registerinschrijving', description: 'VELON-registratie' },
      ],
      note: 'Registratie bij VELON.',
    },
  },
  { type: 'erkenning.instemmen', teacher: true },
]

/** Sends everything `rol.starten` waits for to a rolovergang of `version`, through the API. */
export async function readyToStartRole(
  version: number,
  id: string,
  as: { hr: Client; teacher: Client },
): Promise<void> {
  for (const step of version === 1 ? v1 : v2) {
    const client = step.teacher ? as.teacher : as.hr
    const res = await client.post(`/api/v1/instances/${id}/events`, {
      type: step.type,
      payload: step.payload ?? {},
    })
    if (res.status !== 200) throw new Error(`${step.type}: ${JSON.stringify(res.body)}`)
  }
}
