import { huidigeFase } from './ontwikkelteam.v2.checks.ts'
import { OntwikkelteamV2Context, type OntwikkelteamV2Input } from './ontwikkelteam.v2.context.ts'
import type { OntwikkelteamV2EventType } from './ontwikkelteam.v2.events.ts'
import { denktankAims } from './ontwikkelteam.v2.vocabulary.ts'
import { evaluationLevels, partners } from './vocabulary.ts'

// Example payloads for every event of an ontwikkelteam of version 2, chosen from the context so
// that they pass the guards where that is possible. The sample team is a leiderorganisatie (a
// huisacademie leads a leergang, seed 002 scenario 2): every transition exists in both forms,
// and only a leiderorganisatie can take the consultations.

type Payload = Record<string, unknown>

export const ontwikkelteamV2SampleInput: OntwikkelteamV2Input = {
  pilotId: 'pilot-1',
  teamName: 'Werkgroep leergang',
  organisations: [
    { id: 'org-academie', name: 'Amstelscholen Academie' },
    { id: 'org-lyceum', name: 'Amstel Lyceum' },
    { id: 'org-grachten', name: 'Grachtenschool' },
  ],
  organisationForm: 'leiderorganisatie',
  leadOrganisationId: 'org-academie',
  places: 15,
}

/** The same team as a zelfregulerend netwerk: every organisation decides for itself. */
export const ontwikkelteamV2NetworkInput: OntwikkelteamV2Input = {
  ...ontwikkelteamV2SampleInput,
  teamName: 'Ontwikkelteam Noord-West',
  organisationForm: 'zelfregulerend-netwerk',
  leadOrganisationId: null,
  places: 13,
}

const scores = {
  gedeeldeAmbities: 4,
  belangen: 3,
  relaties: 4,
  professioneelOrganiseren: 3,
  betekenisgevendProces: 5,
}

/** Sample payloads for `type`, given the team's context and the people that may join. */
export function ontwikkelteamV2Samples(
  rawContext: Record<string, unknown>,
  type: string,
  personIds: readonly string[] | undefined,
): Payload[] {
  const context = OntwikkelteamV2Context.parse(rawContext)
  const orgs = context.organisationIds
  const first = orgs[0] ?? 'org-onbekend'
  const lead = context.leadOrganisationId
  const thisCycle = <T extends { cycle: number }>(records: T[]) =>
    records.filter((r) => r.cycle === context.cycle)
  /** The first participating organisation for which `done` does not hold yet. */
  const next = (done: (org: string) => boolean): string => orgs.find((o) => !done(o)) ?? first
  /** Who decides next: the lead in a leiderorganisatie, else the next organisation. */
  const decider = (done: string[]) => lead ?? next((o) => done.includes(o))
  const day = huidigeFase(context).from
  const enrolled = thisCycle(context.deelnemers).find((d) => d.status === 'ingeschreven')

  const samples: Record<OntwikkelteamV2EventType, () => Payload[]> = {
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
    'deelnemer.inschrijven': () => {
      // The people given work at the organisations in order (as for lid.toevoegen).
      const taken = new Set(thisCycle(context.deelnemers).map((d) => d.personId))
      const leervraag = 'Hoe begeleid ik startende collega’s in mijn sectie?'
      const people = personIds ?? Array.from({ length: 8 }, (_, i) => `persoon-${String(i + 1)}`)
      const index = people.findIndex((p) => !taken.has(p))
      if (index >= 0) {
        const organisationId = orgs[index % orgs.length] ?? first
        return [{ personId: people[index], organisationId, leervraag }]
      }
      // Every person given is enrolled: the first again (refused: already enrolled), since
      // none is left who exists.
      if (personIds?.[0]) {
        return [{ personId: personIds[0], organisationId: orgs[0] ?? first, leervraag }]
      }
      let n = 1
      while (taken.has(`deelnemer-${String(n)}`)) n++
      return [{ personId: `deelnemer-${String(n)}`, organisationId: orgs[1] ?? first, leervraag }]
    },
    'deelnemer.terugtrekken': () => [{ personId: enrolled?.personId ?? 'deelnemer-1' }],
    'deelnemer.afronden': () => [{ personId: enrolled?.personId ?? 'deelnemer-1' }],
    'plaatsen.vaststellen': () => [{ places: context.places }],
    'uitgave.boeken': () => [
      { description: 'Zaalhuur eerste bijeenkomst', amountCents: 45_000, date: day },
    ],
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
    'raadpleging.vastleggen': () => {
      const subject = huidigeFase(context).phase === 'delen' ? 'gedeelde-ambitie' : 'ontwerp'
      const done = thisCycle(context.raadplegingen)
        .filter((r) => r.subject === subject && r.current)
        .map((r) => r.organisationId)
      const organisationId = orgs.find((o) => o !== lead && !done.includes(o)) ?? orgs[1] ?? first
      return [
        { organisationId, subject, text: 'Kan zich erin vinden; vraagt aandacht voor roosters.' },
      ]
    },
    'gedeelde-ambitie.onderschrijven': () => [
      { organisationId: decider(context.gedeeldeAmbitie?.onderschrevenDoor ?? []) },
    ],
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
        collaboration: 'Afwisselend op de scholen en op de academie.',
        quality: 'Na elke bijeenkomst een korte evaluatie.',
      },
    ],
    'ontwerp.akkoord': () => [{ organisationId: decider(context.ontwerp?.akkoorden ?? []) }],
    'activiteit.vastleggen': () => [{ date: day, text: 'Eerste bijeenkomst gehouden.' }],
    'evaluatie.vastleggen': () => {
      const done = new Set(thisCycle(context.evaluaties).map((e) => e.level))
      const level = evaluationLevels.find((l) => !done.has(l)) ?? 'doelstellingen'
      const judgement = `Het niveau ${level} is met de deelnemers besproken en beoordeeld.`
      // The first member evaluates; a real person stands in for Leraar in Amsterdam (the engine
      // checks that the person exists): the same member, where a test has no one else.
      const member = context.members[0]?.personId ?? 'persoon-1'
      const who = { evaluatorIds: [member], leraarInAmsterdamPersonId: member }
      if (level === 'samenwerking') return [{ level, judgement, scores, ...who }]
      if (level === 'doelstellingen') {
        const aims = denktankAims.map((aim) => ({ aim, outcome: 'behaald' }))
        return [{ level, judgement, aims, ...who }]
      }
      return [{ level, judgement, ...who }]
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
    heropenen: () => [{}],
  }
  return type in samples ? samples[type as OntwikkelteamV2EventType]() : [{}]
}
