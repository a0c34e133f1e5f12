import type { RolovergangV2Context as Context } from './rolovergang.v2.context.ts'
import {
  ErkenningAfspreken,
  FaciliteringAfspreken,
  InbrengVastleggen,
  Instemmen,
  NiveauVastleggen,
  Notitie,
  OndersteuningAfspreken,
  OrientatieStarten,
  OvergangAfronden,
  RolBeeindigen,
  RolStarten,
  Toelaten,
} from './rolovergang.v2.events.ts'
import type { MachineEvent } from './types.ts'

// What each event of version 2 records, as pure context updates. Payloads are parsed again here
// so the context only holds validated, trimmed values; optional fields are stored as null. A new
// afspraak replaces the previous one (the history keeps both) and starts without the teacher's
// instemming: what they agreed to is no longer what stands.

type Update = (context: Context, event: MachineEvent) => Partial<Context>

const reden = (event: MachineEvent): string => event.reason?.trim() ?? ''

export const startBehandeling: Update = (_context, event) => ({ behandelingGestartAt: event.at })

export const legInbrengVast: Update = (_context, event) => {
  const p = InbrengVastleggen.parse(event.payload)
  return { inbreng: { motieven: p.motieven ?? null, leervraag: p.leervraag ?? null, at: event.at } }
}

export const legStartniveauVast: Update = (_context, event) => {
  const p = NiveauVastleggen.parse(event.payload)
  return { startniveau: { level: p.level, note: p.note ?? null, at: event.at } }
}

export const legBereiktNiveauVast: Update = (_context, event) => {
  const p = NiveauVastleggen.parse(event.payload)
  return { bereiktNiveau: { level: p.level, note: p.note ?? null, at: event.at } }
}

export const startOrientatie: Update = (_context, event) => {
  const { note } = OrientatieStarten.parse(event.payload)
  return { orientatie: { note: note ?? null, at: event.at } }
}

export const laatToe: Update = (_context, event) => {
  const p = Toelaten.parse(event.payload)
  const skipOrientationReason = p.skipOrientationReason ?? null
  return { toegang: { method: p.method, note: p.note, skipOrientationReason, at: event.at } }
}

export const wijsAf: Update = (_context, event) => ({
  afwijzing: { reason: reden(event), at: event.at },
})

export const spreekOndersteuningAf: Update = (_context, event) => {
  const p = OndersteuningAfspreken.parse(event.payload)
  const ondersteuning = { forms: p.forms, note: p.note, at: event.at }
  return { ondersteuning: { ...ondersteuning, instemming: null, afgerondAt: null } }
}

/** The teacher's agreement, kept with the afspraak it is given to. */
function instemming(event: MachineEvent) {
  const { note } = Instemmen.parse(event.payload)
  return { note: note ?? null, at: event.at }
}

export const stemInMetOndersteuning: Update = (context, event) =>
  context.ondersteuning === null
    ? {}
    : { ondersteuning: { ...context.ondersteuning, instemming: instemming(event) } }

export const rondOndersteuningAf: Update = (context, event) =>
  context.ondersteuning === null
    ? {}
    : { ondersteuning: { ...context.ondersteuning, afgerondAt: event.at } }

export const spreekFaciliteringAf: Update = (_context, event) => {
  const p = FaciliteringAfspreken.parse(event.payload)
  const facilitering = {
    hoursPerYear: p.hoursPerYear,
    budgetSource: p.budgetSource,
    agreedBy: p.agreedBy ?? null,
    agreedByPersonId: p.agreedByPersonId ?? null,
    zeroHoursReason: p.zeroHoursReason ?? null,
    compensation: null,
    note: p.note ?? null,
    at: event.at,
    instemming: null,
  }
  return { facilitering }
}

export const stemInMetFacilitering: Update = (context, event) =>
  context.facilitering === null
    ? {}
    : { facilitering: { ...context.facilitering, instemming: instemming(event) } }

export const spreekErkenningAf: Update = (_context, event) => {
  const p = ErkenningAfspreken.parse(event.payload)
  const recognitions = p.recognitions.map((r) => ({
    form: r.form,
    what: r.what ?? null,
    description: r.description ?? null,
  }))
  return {
    erkenning: { recognitions, note: p.note, at: event.at, instemming: null, verleend: null },
  }
}

export const stemInMetErkenning: Update = (context, event) =>
  context.erkenning === null
    ? {}
    : { erkenning: { ...context.erkenning, instemming: instemming(event) } }

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

export const beeindigRol: Update = (_context, event) => {
  const p = RolBeeindigen.parse(event.payload)
  return { rolEinde: { endDate: p.endDate, ending: p.ending, note: p.note ?? null, at: event.at } }
}

export const rondAf: Update = (_context, event) => {
  const p = OvergangAfronden.parse(event.payload)
  return {
    uitkomst: { outcome: p.outcome, note: p.note ?? null, at: event.at },
    afgerondAt: event.at,
  }
}

export const trekIn: Update = (_context, event) => ({
  intrekking: { reason: reden(event), at: event.at },
})
