import type { RolovergangInput } from './rolovergang.context.ts'
import type { RolovergangEventType } from './rolovergang.events.ts'

// Example payloads for every rolovergang event. None of its guards depends on the payload, so
// one fixed, valid payload per event is enough.

type Payload = Record<string, unknown>

export const rolovergangSampleInput: RolovergangInput = {
  personId: 'persoon-1',
  organisationId: 'org-esprit',
  newRole: 'schoolopleider',
  currentRole: 'leraar',
  domain: 'leren-van-collegas',
  careerPath: 'andere-taken-en-rollen',
}

const samples: Record<RolovergangEventType, Payload> = {
  'behandeling.starten': {},
  'toegang.orientatie-starten': { note: 'Twee dagen meelopen met de huidige schoolopleider.' },
  'toegang.toelaten': { method: 'selectie', note: 'Gesprek met de schoolleiding gevoerd.' },
  'toegang.afwijzen': {},
  'ondersteuning.afspreken': {
    forms: ['begeleiding', 'scholing'],
    note: 'Begeleiding door een ervaren schoolopleider en de VELON-scholing.',
  },
  'ondersteuning.afronden': {},
  'facilitering.afspreken': {
    hoursPerYear: 120,
    compensation: 'Taakuren uit het opleidingsbudget',
  },
  'erkenning.afspreken': { form: 'formeel', note: 'Registratie als schoolopleider bij VELON.' },
  'erkenning.verlenen': { note: 'VELON-registratie ontvangen.' },
  'rol.starten': { startDate: '2025-08-25' },
  'overgang.afronden': {},
  'overgang.intrekken': {},
}

/** Sample payloads for `type`. */
export function rolovergangSamples(type: string): Payload[] {
  return [type in samples ? samples[type as RolovergangEventType] : {}]
}
