import { OntwikkelteamContext, type OntwikkelteamInput } from './ontwikkelteam.context.ts'
import type { OntwikkelteamEventType } from './ontwikkelteam.events.ts'
import { evaluationLevels, partners } from './vocabulary.ts'

// Example payloads for every ontwikkelteam event, chosen from the context so that they pass
// the guards where that is possible: each one moves the team a step closer to the next phase.

type Payload = Record<string, unknown>

export const ontwikkelteamSampleInput: OntwikkelteamInput = {
  pilotId: 'pilot-1',
  teamName: 'Ontwikkelteam Amsterdam-Oost',
  organisations: [
    { id: 'org-esprit', name: 'Esprit Scholen' },
    { id: 'org-hva', name: 'Hogeschool van Amsterdam' },
  ],
}

/** Sample payloads for `type`, given the team's context and the people that may join. */
export function ontwikkelteamSamples(
  rawContext: Record<string, unknown>,
  type: string,
  personIds: readonly string[] | undefined,
): Payload[] {
  const context = OntwikkelteamContext.parse(rawContext)
  const orgs = context.organisationIds
  const first = orgs[0] ?? 'org-onbekend'
  const thisCycle = <T extends { cycle: number }>(records: T[]) =>
    records.filter((r) => r.cycle === context.cycle)
  /** The first participating organisation for which `done` does not hold yet. */
  const next = (done: (org: string) => boolean): string => orgs.find((o) => !done(o)) ?? first

  const samples: Record<OntwikkelteamEventType, () => Payload[]> = {
    'lid.toevoegen': () => {
      const isMember = (p: string) => context.members.some((m) => m.personId === p)
      const candidates = personIds ?? orgs.map((_, i) => `persoon-${i + 1}`)
      let personId = candidates.find((p) => !isMember(p))
      for (let n = context.members.length + 1; personId === undefined; n++) {
        if (!isMember(`persoon-${n}`)) personId = `persoon-${n}`
      }
      const role = context.members.length === 0 ? 'coordinator' : 'leraar'
      const organisationId = orgs[context.members.length % orgs.length] ?? first
      return [{ personId, role, organisationId }]
    },
    'lid.verwijderen': () => {
      const last = context.members[context.members.length - 1]
      return [{ personId: last?.personId ?? personIds?.[0] ?? 'persoon-1' }]
    },
    'ambitie.vastleggen': () => {
      const done = thisCycle(context.ambities)
      const organisationId = next((o) => done.some((a) => a.organisationId === o))
      return [{ organisationId, text: 'Leraren een loopbaanperspectief binnen het vak bieden.' }]
    },
    'belang.vastleggen': () => {
      const done = thisCycle(context.belangen)
      const organisationId = next((o) => done.some((b) => b.organisationId === o))
      return [{ organisationId, text: 'Ervaren leraren behouden voor de school.' }]
    },
    'relatie.vastleggen': () => [{ text: 'De schoolopleiders kennen elkaar uit het netwerk.' }],
    'gedeelde-ambitie.formuleren': () => [
      { text: 'Samen een leergang voor ervaren leraren ontwikkelen.' },
    ],
    'gedeelde-ambitie.onderschrijven': () => {
      const done = context.gedeeldeAmbitie?.onderschrevenDoor ?? []
      return [{ organisationId: next((o) => done.includes(o)) }]
    },
    'oplossing.vastleggen': () => [
      {
        text: 'Een leergang van acht bijeenkomsten.',
        expertise: [
          { organisationId: first, description: 'Schoolopleiders met ervaring in intervisie.' },
        ],
      },
    ],
    'ontwerp.vastleggen': () => [
      {
        text: 'Acht bijeenkomsten over een schooljaar.',
        collaboration: 'Afwisselend op de scholen en op de opleiding.',
        quality: 'Na elke bijeenkomst een korte evaluatie.',
      },
    ],
    'ontwerp.akkoord': () => {
      const done = context.ontwerp?.akkoorden ?? []
      return [{ organisationId: next((o) => done.includes(o)) }]
    },
    'activiteit.vastleggen': () => [{ date: '2025-03-12', text: 'Eerste bijeenkomst gehouden.' }],
    'evaluatie.vastleggen': () => {
      const done = new Set(thisCycle(context.evaluaties).map((e) => e.level))
      const level = evaluationLevels.find((l) => !done.has(l)) ?? 'doelstellingen'
      const judgement = `Het niveau ${level} is besproken en beoordeeld.`
      if (level !== 'samenwerking') return [{ level, judgement }]
      const scores = {
        gedeeldeAmbities: 4,
        belangen: 3,
        relaties: 4,
        professioneelOrganiseren: 3,
        betekenisgevendProces: 5,
      }
      return [{ level, judgement, scores }]
    },
    'resultaat.delen': () => {
      const done = new Set(thisCycle(context.resultaten).map((r) => r.partner))
      const partner = partners.find((p) => !done.has(p)) ?? 'gemeente'
      return [{ partner, text: 'Presentatie van opbrengst en proces.' }]
    },
    'fase.volgende': () => [{}],
    'fase.terug': () => [{}],
    'cyclus.vernieuwen': () => [{}],
    'cyclus.afronden': () => [{}],
    pauzeren: () => [{}],
    hervatten: () => [{}],
    stoppen: () => [{}],
  }
  return type in samples ? samples[type as OntwikkelteamEventType]() : [{}]
}
