import type { Role } from '../../access/policy.ts'
import type { Inbox } from '../../engine/inbox/inbox.service.ts'
import type { Who } from '../env.ts'
import { Page } from '../layout.tsx'
import { InboxAudit, InboxReports } from '../views/inbox-audit.tsx'
import { InboxTiles } from '../views/inbox-counts.tsx'
import { InboxItems } from '../views/inbox-items.tsx'

const LEADS: Partial<Record<Role, string>> = {
  admin: 'Wat er in alle organisaties wacht: nieuwe aanvragen, open vragen en wat is stilgevallen.',
  hr: 'Wat er in uw organisaties wacht: nieuwe aanvragen, open vragen en wat is stilgevallen.',
  member:
    'Uw ontwikkelteams: waar ze staan, wat de volgende fase tegenhoudt en wat u nu kunt doen.',
  teacher: 'Uw rolovergangen: waar ze staan en op wie ze wachten.',
  auditor: 'Wat er voor de controle te doen is.',
}

/** The roles whose start page lists instances (the others have no work in them). */
const WITH_ITEMS: readonly Role[] = ['admin', 'hr', 'member', 'teacher']

export interface InboxPageProps {
  who: Who
  path: string
  inbox: Inbox
}

/** "Te doen": what waits on the caller, as numbers, as a list, and for an auditor the audit. */
export function InboxPage({ who, path, inbox }: InboxPageProps) {
  const withItems = WITH_ITEMS.includes(inbox.role)
  return (
    <Page title="Te doen" who={who} path={path} lead={LEADS[inbox.role]}>
      <InboxTiles counts={inbox.counts} />
      {withItems && <InboxItems items={inbox.items} />}
      {inbox.audit && <InboxAudit audit={inbox.audit} />}
      {!withItems && !inbox.audit && <p class="inbox-empty">Niets te doen: er wacht niets op u.</p>}
      <InboxReports reports={inbox.reports} />
    </Page>
  )
}
