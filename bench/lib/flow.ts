/**
 * The ontwikkelteam's seven phases as a script of events that pass their guards, for the load
 * generator and for DBOS alike: a team records what each phase needs and moves on, and after
 * `dissemineren` starts a new cycle. Ids are the seeded organisations and person.
 */
export interface FlowEvent {
  type: string
  payload: Record<string, unknown>
}

export interface FlowIds {
  orgA: string
  orgB: string
  personId: string
}

const e = (type: string, payload: Record<string, unknown> = {}): FlowEvent => ({ type, payload })

/** Events a new team needs once, before its first cycle. */
export function flowStart(ids: FlowIds): FlowEvent[] {
  return [
    e('lid.toevoegen', { personId: ids.personId, role: 'coordinator', organisationId: ids.orgA }),
  ]
}

const aims = [
  'leervragen',
  'samenwerking',
  'eigenaarschap',
  'heel-amsterdam',
  'evaluatie',
  'leiding-en-hr',
].map((aim) => ({ aim, outcome: 'behaald' }))

/** One cycle through verkennen … dissemineren and back to verkennen (27 events). */
export function flowCycle({ orgA, orgB, personId }: FlowIds): FlowEvent[] {
  const scores = {
    gedeeldeAmbities: 4,
    belangen: 3,
    relaties: 5,
    professioneelOrganiseren: 2,
    betekenisgevendProces: 4,
  }
  // Evaluated by the team's coordinator, with the same person standing in for Leraar in Amsterdam.
  const who = { evaluatorIds: [personId], leraarInAmsterdamPersonId: personId }
  // An activity is dated within its phase and not in the future: today.
  const today = new Date().toISOString().slice(0, 10)
  return [
    e('ambitie.vastleggen', { organisationId: orgA, text: 'Leraren laten groeien.' }),
    e('ambitie.vastleggen', { organisationId: orgB, text: 'Opleiders professionaliseren.' }),
    e('belang.vastleggen', { organisationId: orgA, text: 'Leraren behouden.' }),
    e('belang.vastleggen', { organisationId: orgB, text: 'Praktijkgericht onderzoek.' }),
    e('relatie.vastleggen', { text: 'Kennen elkaar uit de opleidingsschool.' }),
    e('fase.volgende'),
    e('gedeelde-ambitie.formuleren', { text: 'Samen een leergang maken.' }),
    e('gedeelde-ambitie.onderschrijven', { organisationId: orgA }),
    e('gedeelde-ambitie.onderschrijven', { organisationId: orgB }),
    e('fase.volgende'),
    e('oplossing.vastleggen', {
      text: 'Een leergang.',
      expertise: [
        { organisationId: orgB, description: 'Didactiek' },
        { external: true, description: 'Coach' },
      ],
    }),
    e('fase.volgende'),
    e('ontwerp.vastleggen', {
      text: 'Acht bijeenkomsten.',
      collaboration: 'Samen.',
      quality: 'Evaluatie.',
    }),
    e('ontwerp.akkoord', { organisationId: orgA }),
    e('ontwerp.akkoord', { organisationId: orgB }),
    e('fase.volgende'),
    e('activiteit.vastleggen', { date: today, text: 'Eerste bijeenkomst.' }),
    e('fase.volgende'),
    e('evaluatie.vastleggen', {
      level: 'doelstellingen',
      judgement: 'De doelen zijn grotendeels gehaald dit jaar.',
      aims,
      ...who,
    }),
    e('evaluatie.vastleggen', {
      level: 'samenwerking',
      judgement: 'De samenwerking liep goed en open.',
      scores,
      ...who,
    }),
    e('evaluatie.vastleggen', {
      level: 'organisatievorm',
      judgement: 'De vorm past bij wat we willen.',
      ...who,
    }),
    e('evaluatie.vastleggen', {
      level: 'opbrengst',
      judgement: 'Vijf leraren blijven op hun school.',
      ...who,
    }),
    e('fase.volgende'),
    e('resultaat.delen', { partner: 'gemeente', text: 'Rapport.' }),
    e('resultaat.delen', { partner: 'scholen', text: 'Bijeenkomst.' }),
    e('resultaat.delen', { partner: 'lerarenopleidingen', text: 'Artikel.' }),
    e('cyclus.vernieuwen'),
  ]
}

/** The n-th event (0-based) of a team's life: the start, then cycle after cycle. */
export function flowEvent(ids: FlowIds, n: number, cycle = flowCycle(ids)): FlowEvent {
  const start = flowStart(ids)
  if (n < start.length) return start[n] as FlowEvent
  return cycle[(n - start.length) % cycle.length] as FlowEvent
}

/**
 * An event that passes in no phase (a 422 with reasons): a member who does not exist, for an
 * organisation that does not take part in the team. (An ambition for that organisation was
 * refused with 403 since acts done for an organisation need a mandate.)
 */
export function blockedEvent(outsiderOrg: string): FlowEvent {
  return e('lid.toevoegen', {
    personId: 'pers_bestaat_niet',
    role: 'leraar',
    organisationId: outsiderOrg,
  })
}
