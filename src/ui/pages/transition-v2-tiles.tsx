import type { Child } from 'hono/jsx'
import type { KnownChoices } from '../forms/fields.ts'
import { valueLabel } from '../labels.ts'
import type { Choice } from '../views/choices.ts'
import { QUESTION_TEXT, REGIONS } from '../../engine/questions.ts'
import { isSettledV2, regionStateTextV2 } from '../../engine/questions-v2.ts'
import type { RecordProps } from '../views/records-v2.tsx'
import { ErkenningV2, FaciliteringV2, OndersteuningV2, ToegangV2 } from '../views/records-v2.tsx'
import { InbrengV2, NiveauV2, RolV2, UitkomstV2 } from '../views/records-v2-person.tsx'
import { Tile } from './transition-tile.tsx'

// The tiles of a rolovergang of version 2: the teacher's level and own input first, then the four
// questions and the role as in version 1, and the outcome at the end.

/** Events whose form belongs in a tile of their own rather than with their region. */
const PLACE: Record<string, string> = {
  'inbreng.vastleggen': 'inbreng',
  'startniveau.vastleggen': 'niveau',
  'niveau.vastleggen': 'niveau',
  'overgang.afronden': 'uitkomst',
}

/** The tile an event's form and reasons go to (null: the rolovergang as a whole). */
export function placeV2(choice: Choice): string | null {
  return PLACE[choice.type] ?? choice.region
}

/**
 * Fields a form leaves out now. Once the orientation has begun, a reason to skip it would
 * contradict the record (the machine refuses it). Who agreed to a facilitering is picked by name
 * from `known`; without names to pick from, the function or body alone says it, never an id.
 */
export function omittedV2(
  choice: Choice,
  regions: Record<string, string>,
  known: KnownChoices,
): readonly string[] {
  if (choice.type === 'toegang.toelaten' && regions['toegang'] === 'orientatie') {
    return ['skipOrientationReason']
  }
  if (choice.type === 'facilitering.afspreken' && !known['agreedByPersonId']) {
    return ['agreedByPersonId']
  }
  return []
}

const RECORDS: Record<(typeof REGIONS)[number], (props: RecordProps) => Child> = {
  toegang: ToegangV2,
  ondersteuning: OndersteuningV2,
  facilitering: FaciliteringV2,
  erkenning: ErkenningV2,
  rol: RolV2,
}

export interface TilesV2Props extends RecordProps {
  /** The state of each region (questions.ts `regionStates`). */
  regions: Record<string, string>
  /** The forms the caller sees, and the steps that are blocked now. */
  shown: Choice[]
  blocked: Choice[]
  forms: (list: Choice[]) => Child
}

export function TilesV2(props: TilesV2Props) {
  const { regions, own } = props
  const record: RecordProps = {
    context: props.context,
    events: props.events,
    names: props.names,
    own,
  }
  const at = (place: string) => ({
    stuck: props.blocked.filter((c) => placeV2(c) === place),
    forms: props.forms(props.shown.filter((c) => placeV2(c) === place)),
  })
  const domain = valueLabel(props.context.domain)
  return (
    <div class="tiles">
      <Tile
        id="vraag-niveau"
        title={`Niveau in het domein ${domain}`}
        question="Een leraar groeit in een domein van in opleiding via startend en ervaren naar meesterschap; in een nieuwe rol is hij vaak weer even beginner."
        {...at('niveau')}
      >
        <NiveauV2 {...record} />
      </Tile>
      <Tile
        id="vraag-inbreng"
        title={own ? 'Uw motieven en leervraag' : 'Motieven en leervraag van de leraar'}
        question={
          own
            ? 'U bent eigenaar van uw eigen ontwikkeling: waarom wilt u deze rol, en wat wilt u erin leren?'
            : 'De leraar is eigenaar van de eigen ontwikkeling en legt dit zelf vast.'
        }
        {...at('inbreng')}
      >
        <InbrengV2 {...record} />
      </Tile>
      {REGIONS.map((region) => {
        const state = regions[region]
        const Records = RECORDS[region]
        return (
          <Tile
            id={`vraag-${region}`}
            title={valueLabel(region)}
            badge={
              state && state !== '—'
                ? { text: regionStateTextV2(state), settled: isSettledV2(region, state) }
                : undefined
            }
            question={QUESTION_TEXT[region]}
            {...at(region)}
          >
            <Records {...record} />
          </Tile>
        )
      })}
      <Tile
        id="vraag-uitkomst"
        title="Uitkomst"
        question="Wat doet de leraar na de rolovergang? Dat telt mee in de cijfers over wat rolovergangen opleveren."
        {...at('uitkomst')}
      >
        <UitkomstV2 {...record} />
      </Tile>
    </div>
  )
}
