import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { testApp, tokenFor } from '../../support/app.ts'
import { buildWorld } from '../../support/world.ts'
import { clickAndLoad, login, mainText, screenshot } from '../support/browser.ts'
import { browserHarness } from '../support/harness.ts'

// A coordinator acts for her own organisation only: she adds a colleague by name, and gives her
// organisation's akkoord on the design; the form offers her no other organisation. The auditor
// then reads, for every event, who did it and for which organisation.

const h = browserHarness(async (store) => {
  const { admin } = await testApp(store)
  const world = await buildWorld(admin)
  const hr = admin.as(world.hrToken)
  const person = async (name: string, functionTitle: string) => {
    const res = await admin.post('/api/v1/people', {
      name,
      organisationId: world.orgA,
      functionTitle,
    })
    if (res.status !== 201) throw new Error(`person: ${res.status} ${JSON.stringify(res.body)}`)
    return res.body.id as string
  }
  const coordinator = await person('Ilse Vermeulen', 'schoolopleider')
  const colleague = await person('Piet Bakker', 'leraar')
  // HR of the organisation puts her in the team, as coordinator for it.
  const added = await hr.post(`/api/v1/instances/${world.teamId}/events`, {
    type: 'lid.toevoegen',
    payload: { personId: coordinator, role: 'coordinator', organisationId: world.orgA },
  })
  if (added.status !== 200) throw new Error(`lid.toevoegen: ${JSON.stringify(added.body)}`)
  return {
    ...world,
    hr,
    coordinator,
    colleague,
    coordinatorToken: await tokenFor(store, {
      name: 'Ilse (coördinator)',
      role: 'member',
      personId: coordinator,
    }),
    auditorToken: await tokenFor(store, { name: 'Auditor', role: 'auditor' }),
  }
})
let page: Page

beforeAll(async () => {
  ;({ page } = await h.session())
})

const teamPath = () => `/teams/${h.seeded.teamId}`
const organisationsOffered = (title: string) =>
  page.getByRole('region', { name: title }).getByLabel('Organisatie').locator('option')

/** The earlier phases, through the API, by HR of both organisations: up to vormgeven. */
async function toVormgeven(): Promise<void> {
  const { orgA, orgB, teamId, hr } = h.seeded
  const events = [
    ...[orgA, orgB].flatMap((organisationId) => [
      { type: 'ambitie.vastleggen', payload: { organisationId, text: 'Ervaren leraren houden.' } },
      { type: 'belang.vastleggen', payload: { organisationId, text: 'Geen extra werkdruk.' } },
    ]),
    { type: 'fase.volgende' },
    { type: 'gedeelde-ambitie.formuleren', payload: { text: 'Samen een leergang maken.' } },
    { type: 'gedeelde-ambitie.onderschrijven', payload: { organisationId: orgA } },
    { type: 'gedeelde-ambitie.onderschrijven', payload: { organisationId: orgB } },
    { type: 'fase.volgende' },
    {
      type: 'oplossing.vastleggen',
      payload: {
        text: 'Een leergang van acht bijeenkomsten.',
        expertise: [{ organisationId: orgA, description: 'Schoolopleiders met ervaring.' }],
      },
    },
    { type: 'fase.volgende' },
    {
      type: 'ontwerp.vastleggen',
      payload: {
        text: 'Acht bijeenkomsten over een schooljaar.',
        collaboration: 'Afwisselend op de scholen en op de opleiding.',
        quality: 'Na elke bijeenkomst een korte evaluatie.',
      },
    },
  ]
  for (const event of events) {
    const res = await hr.post(`/api/v1/instances/${teamId}/events`, event)
    expect(res.status, `${event.type}: ${JSON.stringify(res.body)}`).toBe(200)
  }
}

describe('a coordinator acts for her own organisation, in Chromium', () => {
  it('logs in and is named in the header', async () => {
    await login(page, h.seeded.coordinatorToken)
    expect(await page.locator('.who').innerText()).toContain(
      'Ingelogd als Ilse Vermeulen (Teamlid)',
    )
  })

  it('adds a colleague by name from the people of the team’s organisations', async () => {
    await page.goto(teamPath())
    await page.getByText('Team beheren: leden, pauzeren, stoppen').click()
    const form = page.getByRole('region', { name: 'Lid toevoegen' })
    const people = await form.getByLabel('Persoon').locator('option').allInnerTexts()
    expect(people).toContain('Piet Bakker — Esprit Scholen (leraar)')
    // Who is in the team already is not offered again.
    expect(people.some((p) => p.startsWith('Ilse Vermeulen'))).toBe(false)
    await form
      .getByLabel('Persoon')
      .selectOption({ label: 'Piet Bakker — Esprit Scholen (leraar)' })
    await form.getByLabel('Rol in het team').selectOption({ label: 'Leraar' })
    await form.getByLabel('Organisatie').selectOption({ label: 'Esprit Scholen' })
    expect(await clickAndLoad(page, form.getByRole('button', { name: 'Lid toevoegen' }))).toBe(200)
    expect(await page.getByRole('status').innerText()).toContain('Gelukt: lid toevoegen')
    expect(await mainText(page)).toContain('Ilse Vermeulen, coördinator, namens Esprit Scholen')
  })

  it('gives her own organisation’s akkoord, and is offered no other', async () => {
    await toVormgeven()
    await page.goto(teamPath())
    expect(await page.locator('.phase-bar li[aria-current="step"] .phase-name').innerText()).toBe(
      'Vormgeven',
    )
    const title = 'Akkoord geven op het ontwerp'
    const offered = await organisationsOffered(title).allInnerTexts()
    expect(offered.map((o) => o.trim())).toEqual(['— kies —', 'Esprit Scholen'])
    expect(
      await organisationsOffered(title).evaluateAll((options) =>
        options.map((o) => (o as unknown as { value: string }).value),
      ),
    ).toEqual(['', h.seeded.orgA])
    const form = page.getByRole('region', { name: title })
    await form.getByLabel('Organisatie').selectOption({ label: 'Esprit Scholen' })
    expect(await clickAndLoad(page, form.getByRole('button', { name: title }))).toBe(200)
    expect(await page.getByRole('status').innerText()).toContain(`Gelukt: ${title.toLowerCase()}`)
    const why = await page.getByRole('region', { name: 'Waarom kan ik niet door?' }).innerText()
    expect(why).toContain('akkoord gegeven op het ontwerp: Hogeschool van Amsterdam.')
    await screenshot(page, 'flow-mandaat-1-akkoord-eigen-organisatie')
  })
})

describe('an auditor reads who acted for whom', () => {
  it('sees every event of the team with its actor named', async () => {
    const { page: auditor } = await h.session(h.seeded.auditorToken)
    await auditor.goto(`/audit/${h.seeded.teamId}`)
    const rows = auditor.locator('table tbody tr')
    const actors = (await rows.locator('.actor').allInnerTexts()).map((a) => a.trim())
    // One actor per event: the pilot made by the service token, the rest by people.
    expect(await rows.count()).toBe(16)
    expect(actors).toHaveLength(16)
    expect(actors[0]).toBe('Beheerder')
    for (const actor of actors.slice(1)) expect(actor).toMatch(/^(Hanna Hofman|Ilse Vermeulen), /)
    expect(actors).toContain('Ilse Vermeulen, coördinator, namens Esprit Scholen')
    expect(actors).toContain('Hanna Hofman, hr-adviseur, namens Hogeschool van Amsterdam')
    const last = await rows.last().innerText()
    expect(last).toContain('Akkoord geven op het ontwerp')
    expect(last).toContain('Ilse Vermeulen, coördinator, namens Esprit Scholen')
    await screenshot(auditor, 'flow-mandaat-2-auditor-ziet-wie')
  })
})
