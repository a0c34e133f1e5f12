import type { RolovergangV2Input } from './rolovergang.v2.context.ts'
import type { RolovergangV2EventType } from './rolovergang.v2.events.ts'

// Example payloads for every event of version 2 of the rolovergang. Where a guard depends on the
// payload, there is one payload for each way through it: toelaten straight from `open` needs a
// reason to skip the orientation that toelaten after one must not carry, and facilitering of
// 0 hours needs a reason; `sampleEvents` keeps those that pass where they are tried.

type Payload = Record<string, unknown>

export const rolovergangV2SampleInput: RolovergangV2Input = {
  personId: 'persoon-1',
  organisationId: 'org-esprit',
  newRole: 'schoolopleider',
  currentRole: 'leraar',
  domain: 'leren-van-collegas',
  careerPath: 'andere-taken-en-rollen',
  startLevel: 'startend',
}

const toelaten = { method: 'selectie', note: 'Gesprek met de schoolleiding gevoerd.' }

const samples: Record<RolovergangV2EventType, Payload[]> = {
  'behandeling.starten': [{}],
  'inbreng.vastleggen': [
    {
      motieven: 'Ik wil collega’s en studenten helpen groeien.',
      leervraag: 'Hoe begeleid ik een student die vastloopt in de klas?',
    },
  ],
  'startniveau.vastleggen': [{ level: 'in-opleiding', note: 'Volgt eerst de opleiding.' }],
  'toegang.orientatie-starten': [{ note: 'Twee dagen meelopen met de huidige schoolopleider.' }],
  'toegang.toelaten': [
    toelaten,
    { ...toelaten, skipOrientationReason: 'Is al twee jaar werkplekbegeleider op deze school.' },
  ],
  'toegang.afwijzen': [{}],
  'ondersteuning.afspreken': [
    {
      forms: ['inductie', 'begeleiding', 'scholing'],
      note: 'Inwerkperiode met een ervaren schoolopleider en de VELON-scholing.',
    },
  ],
  'ondersteuning.instemmen': [{}],
  'ondersteuning.afronden': [{}],
  'facilitering.afspreken': [
    { hoursPerYear: 120, budgetSource: 'opleidingsschool', agreedBy: 'De schoolleiding' },
    {
      hoursPerYear: 0,
      budgetSource: 'school',
      agreedBy: 'De MR',
      zeroHoursReason: 'De taak vervangt de mentortaak van de leraar.',
    },
  ],
  'facilitering.instemmen': [{ note: 'Akkoord met de uren.' }],
  'erkenning.afspreken': [
    {
      recognitions: [
        { form: 'formeel', what: 'registerinschrijving', description: 'VELON-registratie' },
        { form: 'salaris', what: 'salarisschaal', description: 'Schaal LC' },
      ],
      note: 'Registratie als schoolopleider bij VELON, daarna schaal LC.',
    },
  ],
  'erkenning.instemmen': [{}],
  'erkenning.verlenen': [{ note: 'VELON-registratie ontvangen.' }],
  'rol.starten': [{ startDate: '2025-08-25' }],
  'niveau.vastleggen': [{ level: 'ervaren' }],
  'rol.beeindigen': [{ endDate: '2026-07-31', ending: 'termijn-afgelopen' }],
  'overgang.afronden': [{ outcome: 'andere-taken-en-rollen' }],
  'overgang.intrekken': [{}],
}

/** Sample payloads for `type`. */
export function rolovergangV2Samples(type: string): Payload[] {
  return Object.hasOwn(samples, type) ? samples[type as RolovergangV2EventType] : [{}]
}
