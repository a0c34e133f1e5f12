import type { RolovergangContext as Context } from './rolovergang.context.ts'
import {
  ErkenningAfspreken,
  FaciliteringAfspreken,
  Notitie,
  OndersteuningAfspreken,
  OrientatieStarten,
  RolStarten,
  Toelaten,
} from './rolovergang.events.ts'
import type { MachineEvent } from './types.ts'

// What each event records, as pure context updates. Payloads are parsed again here so the
// context only ever holds validated, trimmed values; optional fields are stored as null.

type Update = (context: Context, event: MachineEvent) => Partial<Context>

const reden = (event: MachineEvent): string => event.reason?.trim() ?? ''

export const startBehandeling: Update = (_context, event) => ({ behandelingGestartAt: event.at })

export const startOrientatie: Update = (_context, event) => {
  const { note } = OrientatieStarten.parse(event.payload)
  return { orientatie: { note: note ?? null, at: event.at } }
}

export const laatToe: Update = (_context, event) => {
  const p = Toelaten.parse(event.payload)
  return { toegang: { method: p.method, note: p.note, at: event.at } }
}

export const wijsAf: Update = (_context, event) => ({
  afwijzing: { reason: reden(event), at: event.at },
})

/** A new agreement replaces the previous one; the history keeps both. */
export const spreekOndersteuningAf: Update = (_context, event) => {
  const p = OndersteuningAfspreken.parse(event.payload)
  return { ondersteuning: { forms: p.forms, note: p.note, at: event.at, afgerondAt: null } }
}

export const rondOndersteuningAf: Update = (context, event) =>
  context.ondersteuning === null
    ? {}
    : { ondersteuning: { ...context.ondersteuning, afgerondAt: event.at } }

export const spreekFaciliteringAf: Update = (_context, event) => {
  const p = FaciliteringAfspreken.parse(event.payload)
  const facilitering = {
    hoursPerYear: p.hoursPerYear,
    compensation: p.compensation,
    note: p.note ?? null,
    at: event.at,
  }
  return { facilitering }
}

export const spreekErkenningAf: Update = (_context, event) => {
  const p = ErkenningAfspreken.parse(event.payload)
  return { erkenning: { form: p.form, note: p.note, at: event.at, verleend: null } }
}

export const verleenErkenning: Update = (context, event) => {
  const { note } = Notitie.parse(event.payload)
  return context.erkenning === null
    ? {}
    : { erkenning: { ...context.erkenning, verleend: { note, at: event.at } } }
}

export const startRol: Update = (_context, event) => {
  const { startDate } = RolStarten.parse(event.payload)
  return { rol: { startDate, at: event.at } }
}

export const rondAf: Update = (_context, event) => ({ afgerondAt: event.at })

export const trekIn: Update = (_context, event) => ({
  intrekking: { reason: reden(event), at: event.at },
})
