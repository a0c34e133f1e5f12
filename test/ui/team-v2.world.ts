import { vi } from 'vitest'
import type { Store } from '../../src/engine/store.ts'
import type { Client } from '../support/app.ts'
import { testApp, tokenFor } from '../support/app.ts'

// A scenario-2b leergang of version 2, built through the API on dates that move: the Amstelscholen
// Academie (a huisacademie) leads, two schools take part. Cycle 1 runs all seven phases with
// participants, an expense and a full evaluation; cycle 2 begins with a third school. The phases
// take known numbers of days, so the comparison can be checked day by day.

export const DAY_MS = 86_400_000

export interface LeergangV2 {
  admin: Client
  ids: {
    academie: string
    lyceum: string
    college: string
    zuidas: string
    liaOrg: string
    lead: string
    repLyceum: string
    lia: string
    hrPerson: string
    /** People who may be enrolled: 1–8 work at the lyceum, 9–16 at the college. */
    people: string[]
    pilot: string
    team: string
  }
  tokens: { lead: string; hr: string; admin: string }
  /** The day (YYYY-MM-DD) cycle 1 began, and the days each of its phases took. */
  began: string
  phaseDays: Record<string, number>
}

async function created(promise: Promise<{ status: number; body: any }>): Promise<any> {
  const res = await promise
  if (res.status !== 201) throw new Error(`${String(res.status)}: ${JSON.stringify(res.body)}`)
  return res.body
}

/** The days cycle 1 spends in each phase (uitvoeren and evalueren the longest, as in life). */
const PHASE_DAYS: Record<string, number> = {
  verkennen: 10,
  delen: 5,
  overeenkomen: 3,
  vormgeven: 7,
  uitvoeren: 60,
  evalueren: 14,
  dissemineren: 2,
}

/**
 * The world, begun `daysAgo` days before now; the clock is real again when it returns. With
 * `stopAt: 'evalueren'` the team stays in cycle 1, every level evaluated.
 */
export async function leergangV2(
  store: Store,
  options: { daysAgo?: number; stopAt?: 'evalueren' } = {},
): Promise<LeergangV2> {
  const daysAgo = options.daysAgo ?? 200
  // At 10:00 UTC every step lands on the same Amsterdam day, summer time or not.
  const start = new Date(Date.now() - daysAgo * DAY_MS)
  let clock = Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate(), 10)
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(clock)
  const advance = (days: number) => {
    clock += days * DAY_MS
    vi.setSystemTime(clock)
  }
  try {
    const { admin } = await testApp(store)
    const org = async (name: string, kind: string) =>
      (await created(admin.post('/api/v1/organisations', { name, kind }))).id as string
    const person = async (name: string, organisationId: string) =>
      (await created(admin.post('/api/v1/people', { name, organisationId }))).id as string
    const academie = await org('Amstelscholen Academie', 'huisacademie')
    const lyceum = await org('Amstel Lyceum', 'school')
    const college = await org('Grachtencollege', 'school')
    const zuidas = await org('Zuidas School', 'school')
    const liaOrg = await org('Leraar in Amsterdam', 'gemeente')
    const lead = await person('Marloes Hendriks', academie)
    const repLyceum = await person('Kees Brouwer', lyceum)
    const lia = await person('Lotte van Amstel', liaOrg)
    const hrPerson = await person('Ingrid Vos', academie)
    const names = [
      ...['Rutger Smeets', 'Noor Bakker', 'Sanne Visser', 'Daan Mulder', 'Fleur de Boer'],
      ...['Bram Peters', 'Iris Hoekstra', 'Jesse Kok', 'Anouk Dekker', 'Milan Vermeer'],
      ...['Lieke Bos', 'Thijs de Wit', 'Eva Jacobs', 'Luuk Maas', 'Roos Verhoeven', 'Sem Kuipers'],
    ]
    const people: string[] = []
    for (const [i, name] of names.entries())
      people.push(await person(name, i < 8 ? lyceum : college))
    const tokens = {
      admin: admin.token ?? '',
      lead: await tokenFor(store, { name: 'Marloes', role: 'member', personId: lead }),
      hr: await tokenFor(store, {
        name: 'HR leergang',
        role: 'hr',
        organisationIds: [academie, lyceum, college, zuidas],
        personId: hrPerson,
      }),
    }
    const pilot = await created(
      admin.post('/api/v1/pilots', {
        name: 'Leergang Leiderschap van Leraren',
        scenario: '2b',
        organisationIds: [academie, lyceum, college],
        leadOrganisationId: academie,
      }),
    )
    const team = pilot.teams[0].instanceId as string
    const began = new Date(clock).toISOString().slice(0, 10)
    const as = (token: string) => admin.as(token)
    const send = async (by: string, type: string, payload = {}, reason?: string) => {
      const res = await as(by).post(`/api/v1/instances/${team}/events`, {
        type,
        payload,
        ...(reason ? { reason } : {}),
      })
      if (res.status !== 200) throw new Error(`${type}: ${res.status} ${JSON.stringify(res.body)}`)
    }
    /** To the next phase, `phase` having taken its days (of which `spent` have passed). */
    const next = async (phase: string, spent = 0) => {
      advance((PHASE_DAYS[phase] ?? 0) - spent)
      await send(tokens.lead, 'fase.volgende')
    }
    const consult = async (subject: string) => {
      for (const organisationId of [lyceum, college])
        await send(tokens.lead, 'raadpleging.vastleggen', {
          organisationId,
          subject,
          text: `Akkoord; ${organisationId === lyceum ? 'graag na de toetsweek' : 'roosters vooraf delen'}.`,
        })
    }

    // verkennen
    await send(tokens.hr, 'lid.toevoegen', {
      personId: lead,
      role: 'coordinator',
      organisationId: academie,
    })
    await send(tokens.hr, 'lid.toevoegen', {
      personId: repLyceum,
      role: 'leraar',
      organisationId: lyceum,
    })
    for (const organisationId of [academie, lyceum, college]) {
      await send(tokens.hr, 'ambitie.vastleggen', {
        organisationId,
        text: 'Leraren laten groeien.',
      })
      await send(tokens.hr, 'belang.vastleggen', { organisationId, text: 'Leraren behouden.' })
    }
    const enrol = async (i: number, leervraag: string) =>
      send(tokens.lead, 'deelnemer.inschrijven', {
        personId: people[i],
        organisationId: i < 8 ? lyceum : college,
        leervraag,
      })
    await enrol(0, 'Hoe neem ik collega’s mee in een verandering?')
    await enrol(8, 'Hoe leid ik een werkgroep zonder formele rol?')
    await enrol(1, 'Hoe geef ik feedback aan ervaren collega’s?')
    await next('verkennen')
    // delen
    await send(tokens.lead, 'gedeelde-ambitie.formuleren', {
      text: 'Een leergang waarin leraren leren leiden vanuit de klas.',
    })
    await consult('gedeelde-ambitie')
    await send(tokens.lead, 'gedeelde-ambitie.onderschrijven', { organisationId: academie })
    await next('delen')
    // overeenkomen
    await send(tokens.lead, 'oplossing.vastleggen', {
      text: 'Acht bijeenkomsten met intervisie.',
      expertise: [{ organisationId: academie, description: 'Trainers van de academie.' }],
    })
    await next('overeenkomen')
    // vormgeven
    await send(tokens.lead, 'ontwerp.vastleggen', {
      text: 'Acht bijeenkomsten over een schooljaar, op de scholen.',
      collaboration: 'De academie leidt, de scholen leveren ruimte en tijd.',
      quality: 'Na elke bijeenkomst een korte evaluatie.',
    })
    await consult('ontwerp')
    await send(tokens.lead, 'ontwerp.akkoord', { organisationId: academie })
    await next('vormgeven')
    // uitvoeren
    await send(tokens.lead, 'uitgave.boeken', {
      description: 'Zaalhuur en catering eerste bijeenkomst',
      amountCents: 125_000,
      date: new Date(clock).toISOString().slice(0, 10),
    })
    advance(20)
    await send(tokens.lead, 'activiteit.vastleggen', {
      date: new Date(clock).toISOString().slice(0, 10),
      text: 'Eerste vier bijeenkomsten gehouden.',
    })
    await send(tokens.lead, 'deelnemer.afronden', { personId: people[0] })
    await send(tokens.lead, 'deelnemer.afronden', { personId: people[8] })
    await send(
      tokens.lead,
      'deelnemer.terugtrekken',
      { personId: people[1] },
      'Verhuisd naar Utrecht.',
    )
    await next('uitvoeren', 20)
    // evalueren
    const evaluation = { evaluatorIds: [lead], leraarInAmsterdamPersonId: lia }
    const judgement = 'De leergang werkte goed voor wie bleef, de werving kostte te veel tijd.'
    await send(tokens.lead, 'evaluatie.vastleggen', {
      ...evaluation,
      level: 'doelstellingen',
      judgement,
      aims: [
        { aim: 'leervragen', outcome: 'behaald' },
        { aim: 'samenwerking', outcome: 'deels', note: 'Het college haakte later aan.' },
        { aim: 'eigenaarschap', outcome: 'behaald' },
        { aim: 'heel-amsterdam', outcome: 'niet-behaald' },
        { aim: 'evaluatie', outcome: 'behaald' },
        { aim: 'leiding-en-hr', outcome: 'deels' },
      ],
    })
    await send(tokens.lead, 'evaluatie.vastleggen', {
      ...evaluation,
      level: 'samenwerking',
      judgement: 'De scholen en de academie werkten goed en open samen.',
      scores: {
        gedeeldeAmbities: 4,
        belangen: 3,
        relaties: 5,
        professioneelOrganiseren: 2,
        betekenisgevendProces: 4,
      },
    })
    for (const level of ['organisatievorm', 'opbrengst'])
      await send(tokens.lead, 'evaluatie.vastleggen', { ...evaluation, level, judgement })
    if (options.stopAt !== 'evalueren') await disseminate()
    async function disseminate() {
      await next('evalueren')
      for (const partner of ['gemeente', 'scholen', 'lerarenopleidingen'])
        await send(tokens.lead, 'resultaat.delen', { partner, text: 'Het verslag en de lessen.' })
      advance(PHASE_DAYS['dissemineren'] ?? 0)
      await send(tokens.lead, 'cyclus.vernieuwen', {
        addOrganisations: [{ id: zuidas, name: 'Zuidas School' }],
      })
    }
    return {
      admin,
      ids: {
        academie,
        lyceum,
        college,
        zuidas,
        liaOrg,
        lead,
        repLyceum,
        lia,
        hrPerson,
        people,
        pilot: pilot.id as string,
        team,
      },
      tokens,
      began,
      phaseDays: PHASE_DAYS,
    }
  } finally {
    vi.useRealTimers()
  }
}
