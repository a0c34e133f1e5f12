import { describe, expect, it } from 'vitest'
import {
  apply,
  getMachine,
  machineVersions,
  machines,
  sampleEvents,
  sampleInput,
  start,
} from '../../machines/index.ts'
import type { MachineDefinition, StoredSnapshot } from '../../machines/types.ts'
import { TokenInput, TransitionInput } from '../../src/http/schemas.ts'
import { decodePayload } from '../../src/ui/forms/decode.ts'
import type { FormValues } from '../../src/ui/forms/decode.ts'
import { fieldsOf } from '../../src/ui/forms/fields.ts'
import type { Field } from '../../src/ui/forms/fields.ts'
import { dutchErrors, placeErrors } from '../../src/ui/forms/schema-form.tsx'
import { fieldLabel } from '../../src/ui/labels.ts'

/** Version 1 of the rolovergang: frozen, still running its instances. */
function rolovergangV1(): MachineDefinition {
  const def = getMachine('rolovergang', 1)
  if (!def) throw new Error('rolovergang version 1 is not registered')
  return def
}

/** Every field of a form, nested ones (group and list rows) included. */
function allFields(fields: Field[]): Field[] {
  return fields.flatMap((f) =>
    f.kind === 'group' || f.kind === 'rows' ? [f, ...allFields(f.fields)] : [f],
  )
}

const DETOURS = new Set([
  'lid.verwijderen',
  'deelnemer.terugtrekken',
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
      budgetSource: 'choice',
      agreedBy: 'text',
      agreedByPersonId: 'text',
      zeroHoursReason: 'text',
      note: 'text',
    })
    expect(kinds(fieldsOf(rolovergangV1().events['facilitering.afspreken']!.payload))).toEqual({
      hoursPerYear: 'number',
      compensation: 'text',
      note: 'text',
    })
    // A list of objects: a fixed number of rows, so it works without JavaScript; one is required.
    const [recognitions] = fieldsOf(events['erkenning.afspreken']!.payload)
    expect(recognitions).toMatchObject({ kind: 'rows', key: 'recognitions', rows: 3, min: 1 })
    if (recognitions?.kind !== 'rows') throw new Error('recognitions are no rows')
    expect(kinds(recognitions.fields)).toEqual({
      form: 'choice',
      what: 'choice',
      description: 'text',
    })
    const evaluatie = fieldsOf(events['evaluatie.vastleggen']!.payload)
    expect(kinds(evaluatie)).toMatchObject({ level: 'choice', judgement: 'text', scores: 'group' })
    const oplossing = fieldsOf(events['oplossing.vastleggen']!.payload)
    expect(oplossing[1]).toMatchObject({ kind: 'rows', rows: 3, min: 0 })
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

  for (const def of machineVersions) {
    it(`give back exactly the payload a browser sent (${def.id} ${def.version}, every sample event)`, () => {
      const payloads = samplePayloads(def)
      const withFields = Object.entries(def.events).filter(
        ([, e]) => fieldsOf(e.payload).length > 0,
      )
      for (const [type] of withFields) expect(payloads.has(type), `a sample for ${type}`).toBe(true)
      for (const [type, list] of payloads) {
        const schema = def.events[type]!.payload
        for (const payload of list) {
          // The document is a file field of its own (the event form leaves it out here).
          // Who evaluated is a choice among the team's members, as the team page offers it.
          const members = ((payload['evaluatorIds'] ?? []) as string[]).map((id) => ({
            value: id,
            label: id,
          }))
          const fields = fieldsOf(schema, { evaluatorIds: members }).filter(
            (f) => f.key !== 'document',
          )
          const decoded = decodePayload(fields, toForm(payload)).payload
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
        budgetSource: 'school',
        agreedBy: 'De schoolleiding',
      }),
    ).toEqual([{ path: 'payload.hoursPerYear', message: 'Vul een getal in.' }])
    expect(
      dutchErrors(rolovergangV1().events['facilitering.afspreken']!.payload, {
        hoursPerYear: 'veel',
        compensation: 'x',
      }),
    ).toEqual([{ path: 'payload.hoursPerYear', message: 'Vul een getal in.' }])
    expect(dutchErrors(events['overgang.afronden']!.payload, {}).map((e) => e.message)).toEqual([
      'Kies wat de leraar na de rolovergang doet; kies ‘onbekend’ als dat niet bekend is.',
    ])
    expect(
      dutchErrors(events['ondersteuning.afspreken']!.payload, { forms: [], note: 'x' })[0]?.message,
    ).toBe('Kies er ten minste één.')
    expect(
      dutchErrors(events['evaluatie.vastleggen']!.payload, {
        level: 'opbrengst',
        judgement: 'Goed besproken met het hele team.',
        evaluatorIds: ['pers_1'],
        leraarInAmsterdamPersonId: 'pers_2',
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

  it('label every field and every option of every rolovergang form in Dutch, per version', () => {
    for (const def of [machines.rolovergang, rolovergangV1()]) {
      for (const [type, event] of Object.entries(def.events)) {
        for (const field of allFields(fieldsOf(event.payload))) {
          const label = fieldLabel(type, field.key, def.version)
          expect(label, `${def.version} ${type}.${field.key}`).not.toBe(field.key)
          if (field.kind !== 'choice' && field.kind !== 'choices') continue
          for (const option of field.options)
            expect(option.label, `${type}.${field.key} = ${option.value}`).not.toBe(option.value)
        }
      }
    }
    const v2 = machines.rolovergang.events
    // The same value in another field has other words: a budget source is no organisation kind.
    const [, budget] = fieldsOf(v2['facilitering.afspreken']!.payload)
    expect(budget).toMatchObject({ key: 'budgetSource', kind: 'choice' })
    if (budget?.kind !== 'choice') throw new Error('budgetSource is no choice')
    expect(budget.options.find((o) => o.value === 'school')?.label).toBe(
      'De school (formatie of taakbeleid)',
    )
    // Version 2 counts hours off the teaching load; version 1's hours stay as they were named.
    expect(fieldLabel('facilitering.afspreken', 'hoursPerYear', 2)).toBe(
      'Uren per jaar van de lestaak af',
    )
    expect(fieldLabel('facilitering.afspreken', 'hoursPerYear', 1)).toBe('Uren per jaar')
  })

  it('read the rows of erkenning filled in, skip the blank one, and name errors after their row', () => {
    const schema = machines.rolovergang.events['erkenning.afspreken']!.payload
    const fields = fieldsOf(schema)
    const decoded = decodePayload(fields, {
      'payload.recognitions.0.form': 'formeel',
      'payload.recognitions.0.what': 'certificaat',
      'payload.recognitions.0.description': 'Coachcertificaat',
      'payload.recognitions.1.form': '',
      'payload.recognitions.2.form': 'salaris',
      'payload.note': 'Erkend.',
    })
    expect(decoded.payload).toEqual({
      recognitions: [
        { form: 'formeel', what: 'certificaat', description: 'Coachcertificaat' },
        { form: 'salaris' },
      ],
      note: 'Erkend.',
    })
    expect(dutchErrors(schema, decoded.payload, decoded.nameOf)).toEqual([
      {
        path: 'payload.recognitions.2.what',
        message: 'Zeg bij formele erkenning en bij erkenning in salaris wat het is.',
      },
    ])
  })
})
