import { ontwikkelteam } from '../../machines/ontwikkelteam.machine.ts'
import type { MachineEvent, StoredSnapshot } from '../../machines/types.ts'
import type { Phase } from '../../machines/vocabulary.ts'
import { begin, ev, run } from './helpers.ts'

export const def = ontwikkelteam
export const ESPRIT = 'org-esprit'
export const HVA = 'org-hva'

export const input = {
  pilotId: 'pilot-1',
  teamName: 'Ontwikkelteam Oost',
  organisations: [
    { id: ESPRIT, name: 'Esprit Scholen' },
    { id: HVA, name: 'Hogeschool van Amsterdam' },
  ],
}

export const scores = {
  gedeeldeAmbities: 4,
  belangen: 3,
  relaties: 5,
  professioneelOrganiseren: 2,
  betekenisgevendProces: 4,
}

/** What each phase records before the team moves on (without the moving event itself). */
export const werk: Record<Phase, MachineEvent[]> = {
  verkennen: [
    ev('lid.toevoegen', { personId: 'p-anna', role: 'coordinator', organisationId: ESPRIT }),
    ev('ambitie.vastleggen', { organisationId: ESPRIT, text: 'Leraren laten groeien.' }),
    ev('ambitie.vastleggen', { organisationId: HVA, text: 'Opleiders verder professionaliseren.' }),
    ev('belang.vastleggen', { organisationId: ESPRIT, text: 'Leraren behouden.' }),
    ev('belang.vastleggen', { organisationId: HVA, text: 'Praktijkgericht onderzoek.' }),
    ev('relatie.vastleggen', { text: 'Kennen elkaar uit de opleidingsschool.' }),
  ],
  delen: [
    ev('gedeelde-ambitie.formuleren', { text: 'Samen een leergang maken.' }),
    ev('gedeelde-ambitie.onderschrijven', { organisationId: ESPRIT }),
    ev('gedeelde-ambitie.onderschrijven', { organisationId: HVA }),
  ],
  overeenkomen: [
    ev('oplossing.vastleggen', {
      text: 'Een leergang.',
      expertise: [
        { organisationId: HVA, description: 'Didactiek' },
        { external: true, description: 'Coach' },
      ],
    }),
  ],
  vormgeven: [
    ev('ontwerp.vastleggen', {
      text: 'Acht bijeenkomsten.',
      collaboration: 'Samen.',
      quality: 'Evaluatie.',
    }),
    ev('ontwerp.akkoord', { organisationId: ESPRIT }),
    ev('ontwerp.akkoord', { organisationId: HVA }),
  ],
  uitvoeren: [ev('activiteit.vastleggen', { date: '2025-03-12', text: 'Eerste bijeenkomst.' })],
  evalueren: [
    ev('evaluatie.vastleggen', { level: 'doelstellingen', judgement: 'Gehaald.' }),
    ev('evaluatie.vastleggen', { level: 'samenwerking', judgement: 'Goed.', scores }),
    ev('evaluatie.vastleggen', { level: 'organisatievorm', judgement: 'Past.' }),
    ev('evaluatie.vastleggen', { level: 'opbrengst', judgement: 'Vijf leraren blijven.' }),
  ],
  dissemineren: [
    ev('resultaat.delen', { partner: 'gemeente', text: 'Rapport.' }),
    ev('resultaat.delen', { partner: 'scholen', text: 'Bijeenkomst.' }),
    ev('resultaat.delen', { partner: 'lerarenopleidingen', text: 'Artikel.' }),
  ],
}

const order: Phase[] = [
  'verkennen',
  'delen',
  'overeenkomen',
  'vormgeven',
  'uitvoeren',
  'evalueren',
  'dissemineren',
]

/** A new team. */
export function nieuwTeam(): StoredSnapshot {
  return begin(def, input)
}

/** A team that has just entered `phase` (all earlier phases done, nothing recorded in it yet). */
export function teamIn(phase: Phase, from: StoredSnapshot = nieuwTeam()): StoredSnapshot {
  const events = order
    .slice(0, order.indexOf(phase))
    .flatMap((p) => [...werk[p], ev('fase.volgende')])
  return run(def, from, events)
}

/** A team in `phase` with everything recorded that the phase needs to move on. */
export function klaarIn(phase: Phase): StoredSnapshot {
  return run(def, teamIn(phase), werk[phase])
}
