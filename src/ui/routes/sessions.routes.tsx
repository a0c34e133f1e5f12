import { Hono } from 'hono'
import { ownerOf } from '../../access/session-store.ts'
import type { Session } from '../../access/session-store.ts'
import type { UiDeps, UiEnv, Who } from '../env.ts'
import { formatDateTime } from '../labels.ts'
import { Csrf, Page } from '../layout.tsx'
import { errorPage, html } from '../render.tsx'
import { endSession } from '../session/start-session.ts'
import { guard, param } from '../session/guard.ts'

/** "Mijn sessies": where you are logged in, and a button to end each of those sessions. */
export function sessionRoutes(deps: UiDeps) {
  const page = guard(deps)
  const via = (session: Session) =>
    session.via === 'token'
      ? 'met een token'
      : `via ${deps.signIn.provider(session.via)?.label ?? session.via}`
  return new Hono<UiEnv>()
    .get(
      '/sessies',
      page(async (c, who) => {
        const sessions = await deps.sessions.list(ownerOf(who.session))
        const ended = c.req.query('beeindigd')
        return html(
          c,
          <SessionsPage
            who={who}
            sessions={sessions}
            via={via}
            ended={ended !== undefined}
            idle={duration(deps.sessions.idleMs)}
            max={duration(deps.sessions.maxAgeMs)}
          />,
        )
      }),
    )
    .post(
      '/sessies/:id/beeindigen',
      page(async (c, who) => {
        const id = param(c, 'id')
        const mine = await deps.sessions.list(ownerOf(who.session))
        if (!mine.some((s) => s.id === id)) {
          return errorPage(c, who, 404, 'Deze sessie bestaat niet (meer) of is niet van u.')
        }
        if (id === who.session.id) return c.redirect(await endSession(c, deps, who.session), 303)
        await deps.sessions.end(id)
        return c.redirect('/sessies?beeindigd=1', 303)
      }),
    )
}

function SessionsPage({
  who,
  sessions,
  via,
  ended,
  idle,
  max,
}: {
  who: Who
  sessions: Session[]
  via: (s: Session) => string
  ended: boolean
  idle: string
  max: string
}) {
  return (
    <Page
      title="Mijn sessies"
      who={who}
      path="/sessies"
      lead={`Hier bent u ingelogd. Een sessie eindigt na ${idle} zonder gebruik, na ${max} in elk geval, of als u uitlogt.`}
    >
      {ended && (
        <div class="notice" role="status">
          De sessie is beëindigd.
        </div>
      )}
      <table class="table">
        <caption class="visually-hidden">Uw sessies</caption>
        <thead>
          <tr>
            <th scope="col">Apparaat</th>
            <th scope="col">Ingelogd</th>
            <th scope="col">Laatst gebruikt</th>
            <th scope="col">Verloopt uiterlijk</th>
            <th scope="col">
              <span class="visually-hidden">Actie</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((s) => (
            <tr>
              <td>
                {s.device ?? 'Onbekende browser'}
                {s.id === who.session.id && <strong> (deze sessie)</strong>}
              </td>
              <td>
                {formatDateTime(s.createdAt)}, {via(s)}
              </td>
              <td>{formatDateTime(s.lastSeenAt)}</td>
              <td>{formatDateTime(s.expiresAt)}</td>
              <td>
                <form method="post" action={`/sessies/${s.id}/beeindigen`} class="inline-form">
                  <Csrf who={who} />
                  <button type="submit" class="button-link">
                    {s.id === who.session.id ? 'Uitloggen' : 'Beëindigen'}
                  </button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Page>
  )
}

/** "8 uur", "30 minuten". */
export function duration(ms: number): string {
  const minutes = Math.round(ms / 60_000)
  return minutes >= 60 && minutes % 60 === 0 ? `${minutes / 60} uur` : `${minutes} minuten`
}
