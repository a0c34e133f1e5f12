import { describe, expect, it } from 'vitest'
import { apply, machines, sampleEvents, sampleInput, start } from '../../machines/index.ts'
import type { MachineDefinition, StoredSnapshot } from '../../machines/types.ts'
import { TokenInput, TransitionInput } from '../../src/http/schemas.ts'
import { decodePayload } from '../../src/ui/forms/decode.ts'
import type { FormValues } from '../../src/ui/forms/decode.ts'
import { fieldsOf } from '../../src/ui/forms/fields.ts'
import type { Field } from '../../src/ui/forms/fields.ts'
import { dutchErrors, placeErrors } from '../../src/ui/forms/schema-form.tsx'

const DETOURS = new Set([
  'lid.verwijderen',
  'pauzeren',
  'stoppen',
  'fase.terug',
  'toegang.afwijzen',
  'overgang.intrekken',
])
const FORWARD = ['fase.volgende', 'cyclus.afronden', 'overgang.afronden']
/** Once is enough (again would undo the endorsements and akkoorden that follow). */
const ONCE = new Set(['lid.toevoegen', 'gedeelde-ambitie.formuleren', 'ontwerp.vastleggen'])

/** Sample payloads for every event type, collected along the happy path to the end. */
function samplePayloads(def: MachineDefinition): Map<string, Record<string, unknown>[]> {
  const found = new Map<string, Record<string, unknown>[]>()
  const applied = new Map<string, number>()
  let snapshot: StoredSnapshot = start(def, sampleInput(def), '2025-01-01T00:00:00.000Z')
  for (let step = 0; step < 200; step++) {
    const events = sampleEvents(def, snapshot)
    if (events.length === 0) break
    for (const event of events)
      found.set(event.type, [...(found.get(event.type) ?? []), event.payload])
    // Forward when possible; else the work done least so far.
    const count = (type: string) => applied.get(type) ?? 0
    const work = events.filter(
      (e) => !DETOURS.has(e.type) && !(ONCE.has(e.type) && count(e.type) > 0),
    )
    const next =
      events.find((e) => FORWARD.includes(e.type)) ??
      work.sort((a, b) => count(a.type) - count(b.type))[0]
    if (!next) break
    applied.set(next.type, count(next.type) + 1)
    snapshot = apply(def, snapshot, next)
  }
  return found
}

/** A payload as a browser would send its form: `payload.a.0.b` names, checkboxes repeated. */
function toForm(value: unknown, path: string[] = ['payload'], out: FormValues = {}): FormValues {
  const name = path.join('.')
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v === 'string')) out[name] = value as string[]
    else value.forEach((v, i) => toForm(v, [...path, String(i)], out))
  } else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) toForm(v, [...path, k], out)
  } else if (typeof value === 'boolean') {
    if (value) out[name] = 'on'
  } else if (value !== undefined) {
    out[name] = String(value)
  }
  return out
}

/** An unchecked box sends nothing: `false` and absent mean the same to the machines. */
const withoutFalse = (value: unknown): unknown =>
  JSON.parse(JSON.stringify(value, (_k, v: unknown) => (v === false ? undefined : v)))

function kinds(fields: Field[]): Record<string, string> {
  return Object.fromEntries(fields.map((f) => [f.key, f.kind]))
}

describe('forms generated from the event schemas', () => {
  it('turn enums into choices, enum lists into checkboxes, dates into dates, texts into texts', () => {
    const events = { ...machines.ontwikkelteam.events, ...machines.rolovergang.events }
    expect(kinds(fieldsOf(events['lid.toevoegen']!.payload))).toEqual({
      personId: 'text',
      role: 'choice',
      organisationId: 'text',
    })
    expect(kinds(fieldsOf(events['ondersteuning.afspreken']!.payload))).toEqual({
      forms: 'choices',
      note: 'text',
    })
    expect(kinds(fieldsOf(events['rol.starten']!.payload))).toEqual({ startDate: 'date' })
    expect(kinds(fieldsOf(events['facilitering.afspreken']!.payload))).toEqual({
      hoursPerYear: 'number',
      compensation: 'text',
      note: 'text',
    })
    const evaluatie = fieldsOf(events['evaluatie.vastleggen']!.payload)
    expect(kinds(evaluatie)).toEqual({ level: 'choice', judgement: 'text', scores: 'group' })
    const oplossing = fieldsOf(events['oplossing.vastleggen']!.payload)
    expect(oplossing[1]).toMatchObject({ kind: 'rows', rows: 3 })
    expect(fieldsOf(events['fase.volgende']!.payload)).toEqual([])
  })

  it('offer the ids the page knows as a choice of names', () => {
    const known = { organisationId: [{ value: 'org-1', label: 'Esprit Scholen' }] }
    const [organisation] = fieldsOf(
      machines.ontwikkelteam.events['ambitie.vastleggen']!.payload,
      known,
    )
    expect(organisation).toMatchObject({ kind: 'choice', options: known.organisationId })
    const tokens = fieldsOf(TokenInput, { organisationIds: known.organisationId })
    expect(tokens.find((f) => f.key === 'organisationIds')).toMatchObject({
      kind: 'choices',
      required: false,
    })
  })

  for (const def of Object.values(machines)) {
    it(`give back exactly the payload a browser sent (${def.id}, every sample event)`, () => {
      const payloads = samplePayloads(def)
      const withFields = Object.entries(def.events).filter(
        ([, e]) => fieldsOf(e.payload).length > 0,
      )
      for (const [type] of withFields) expect(payloads.has(type), `a sample for ${type}`).toBe(true)
      for (const [type, list] of payloads) {
        const schema = def.events[type]!.payload
        for (const payload of list) {
          const decoded = decodePayload(fieldsOf(schema), toForm(payload)).payload
          expect(withoutFalse(schema.parse(decoded)), type).toEqual(
            withoutFalse(schema.parse(payload)),
          )
        }
      }
    })
  }

  it('skip empty list rows, and name errors after the row the user filled', () => {
    const schema = machines.ontwikkelteam.events['oplossing.vastleggen']!.payload
    const fields = fieldsOf(schema)
    const decoded = decodePayload(fields, {
      'payload.text': 'Lesson study',
      'payload.expertise.0.description': '',
      'payload.expertise.1.organisationId': 'org-1',
      'payload.expertise.1.description': '',
    })
    expect(decoded.payload).toEqual({
      text: 'Lesson study',
      expertise: [{ organisationId: 'org-1', description: '' }],
    })
    const errors = dutchErrors(schema, decoded.payload, decoded.nameOf)
    expect(errors).toEqual([
      { path: 'payload.expertise.1.description', message: 'Vul dit veld in.' },
    ])
  })

  it('say what is wrong in Dutch, keeping the schema’s own Dutch messages', () => {
    const events = { ...machines.ontwikkelteam.events, ...machines.rolovergang.events }
    expect(dutchErrors(events['rol.starten']!.payload, { startDate: '2025-02-30' })).toEqual([
      { path: 'payload.startDate', message: 'Vul een geldige datum in (dag, maand, jaar).' },
    ])
    expect(
      dutchErrors(events['facilitering.afspreken']!.payload, {
        hoursPerYear: 'veel',
        compensation: 'x',
      }),
    ).toEqual([{ path: 'payload.hoursPerYear', message: 'Vul een getal in.' }])
    expect(
      dutchErrors(events['ondersteuning.afspreken']!.payload, { forms: [], note: 'x' })[0]?.message,
    ).toBe('Kies er ten minste één.')
    expect(
      dutchErrors(events['evaluatie.vastleggen']!.payload, {
        level: 'opbrengst',
        judgement: 'Goed',
        scores: {
          gedeeldeAmbities: 3,
          belangen: 3,
          relaties: 3,
          professioneelOrganiseren: 3,
          betekenisgevendProces: 3,
        },
      })[0]?.message,
    ).toBe('Scores horen alleen bij het niveau samenwerking.')
    expect(dutchErrors(TransitionInput, { domain: 'x' }).map((e) => e.message)).toContain(
      'Kies een van de mogelijkheden.',
    )
  })

  it('put an error on a checkbox group next to the group, and an unknown one above the form', () => {
    const fields = fieldsOf(machines.rolovergang.events['ondersteuning.afspreken']!.payload)
    const placed = placeErrors(fields, [
      { path: 'payload.forms.1', message: 'Kies een van de mogelijkheden.' },
      { path: 'payload.elders', message: 'Onbekend.' },
    ])
    expect(placed.byName).toEqual({ 'payload.forms': 'Kies een van de mogelijkheden.' })
    expect(placed.general).toEqual(['Onbekend.'])
  })
})
