import type { Child } from 'hono/jsx'
import type { Action } from '../access/policy.ts'
import { roleMay } from '../access/policy.ts'
import type { Who } from './env.ts'
import { ROLE_LABELS } from './labels.ts'
import { CSRF_FIELD } from './session/csrf.ts'

export interface Crumb {
  href: string
  label: string
}

export interface PageProps {
  title: string
  /** The logged-in caller; the login page has none. */
  who?: Who | undefined
  /** The current path, to mark the menu item. */
  path?: string | undefined
  crumbs?: Crumb[] | undefined
  /** A short line under the heading. */
  lead?: Child
  children?: Child
}

/** The menu, driven by the policy table: a role sees what it may use. */
const MENU: { href: string; label: string; actions: Action[] }[] = [
  { href: '/', label: 'Te doen', actions: ['inbox.read'] },
  { href: '/pilots', label: 'Pilots', actions: ['pilot.read'] },
  { href: '/transitions', label: 'Rolovergangen', actions: ['transition.read'] },
  { href: '/audit', label: 'Audit', actions: ['audit.read'] },
  { href: '/rapportages', label: 'Rapportages', actions: ['report.read'] },
  { href: '/admin', label: 'Beheer', actions: ['token.read'] },
]

function menuLabel(who: Who, item: (typeof MENU)[number]): string {
  if (item.href === '/pilots' && who.principal.role === 'member') return 'Mijn pilots'
  if (item.href === '/transitions' && who.principal.role === 'teacher') return 'Mijn rolovergangen'
  return item.label
}

/** The start page is current only on itself; another item on its pages below it too. */
const isCurrent = (path: string | undefined, href: string) =>
  href === '/' ? path === '/' : path?.startsWith(href) === true

/** The hidden field that proves a form came from this site. */
export function Csrf({ who }: { who: Who }) {
  return <input type="hidden" name={CSRF_FIELD} value={who.session.csrf} />
}

/** Every page: lang="nl", a skip link, landmarks, one h1. */
export function Page({ title, who, path, crumbs, lead, children }: PageProps) {
  const items = who ? MENU.filter((m) => roleMay(who.principal.role, m.actions)) : []
  return (
    <html lang="nl">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · doorlopend`}</title>
        <link rel="stylesheet" href="/assets/style.css" />
        <link rel="icon" href="/assets/icon.svg" type="image/svg+xml" />
      </head>
      <body>
        <a class="skip-link" href="#inhoud">
          Naar de inhoud
        </a>
        <header class="site-header">
          <div class="wrap header-row">
            <a class="brand" href="/">
              doorlopend
            </a>
            {items.length > 0 && who && (
              <nav aria-label="Hoofdmenu" class="main-nav">
                <ul>
                  {items.map((item) => (
                    <li>
                      <a
                        href={item.href}
                        aria-current={isCurrent(path, item.href) ? 'page' : undefined}
                      >
                        {menuLabel(who, item)}
                      </a>
                    </li>
                  ))}
                </ul>
              </nav>
            )}
            {who && (
              <div class="who">
                <span>
                  Ingelogd als{' '}
                  {who.session.holderName ? (
                    <>
                      <strong>{who.session.holderName}</strong> (
                      {ROLE_LABELS[who.principal.role] ?? who.principal.role})
                    </>
                  ) : (
                    <strong>
                      {ROLE_LABELS[who.principal.role] ?? who.principal.role} (servicetoken)
                    </strong>
                  )}
                </span>
                <a href="/sessies" aria-current={path === '/sessies' ? 'page' : undefined}>
                  Mijn sessies
                </a>
                <form method="post" action="/logout" class="inline-form">
                  <Csrf who={who} />
                  <button type="submit" class="button-link">
                    Uitloggen
                  </button>
                </form>
              </div>
            )}
          </div>
        </header>
        <main id="inhoud" class="wrap" tabindex={-1}>
          {crumbs && crumbs.length > 0 && (
            <nav aria-label="Kruimelpad" class="crumbs">
              <ol>
                {crumbs.map((c) => (
                  <li>
                    <a href={c.href}>{c.label}</a>
                  </li>
                ))}
              </ol>
            </nav>
          )}
          <h1>{title}</h1>
          {lead && <p class="lead">{lead}</p>}
          {children}
        </main>
        <footer class="site-footer">
          <div class="wrap">
            doorlopend — ontwikkelteams en rolovergangen van Amsterdamse scholen. Alles wat hier
            gebeurt, wordt vastgelegd en is te controleren.
          </div>
        </footer>
      </body>
    </html>
  )
}

/** A short message after a successful action (set by the redirect that followed it). */
export function Notice({ text }: { text: string | undefined }) {
  if (!text) return null
  return (
    <div class="notice" role="status">
      {text}
    </div>
  )
}
