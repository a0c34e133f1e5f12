/** The test provider's few HTML pages: plain forms a test browser can read and submit. */

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;')
}

function htmlPage(title: string, body: string): string {
  return `<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body>${body}</body></html>`
}

/** The login form: `login` is the account id, `password` anything. */
export function loginPage(action: string, error?: string): string {
  const message = error ? `<p role="alert">${escapeHtml(error)}</p>` : ''
  return htmlPage(
    'Inloggen bij de testprovider',
    `<h1>Inloggen</h1>${message}<form method="post" action="${escapeHtml(action)}">` +
      '<input type="text" name="login" required><input type="password" name="password" required>' +
      '<button type="submit">Inloggen</button></form>',
  )
}

/**
 * The logout confirmation. oidc-provider hands over a form holding only `xsrf`; `logout=yes` is
 * added inside it so one submit ends the whole provider session, not only this client's part.
 */
export function logoutPage(providerForm: string): string {
  const form = providerForm.replace(
    '</form>',
    '<input type="hidden" name="logout" value="yes"/><button type="submit">Afmelden</button></form>',
  )
  return htmlPage('Afmelden bij de testprovider', `<h1>Wilt u zich afmelden?</h1>${form}`)
}

/** Shown after a logout without a (registered) post_logout_redirect_uri. */
export function loggedOutPage(): string {
  return htmlPage('Afgemeld', '<h1>U bent afgemeld bij de testprovider.</h1>')
}

/** The provider's error page, e.g. for an unknown client or redirect URI. */
export function errorPage(out: Record<string, unknown>): string {
  const lines = Object.entries(out).map(
    ([key, value]) =>
      `<pre><strong>${escapeHtml(key)}</strong>: ${escapeHtml(String(value))}</pre>`,
  )
  return htmlPage('Fout bij de testprovider', `<h1>Er ging iets mis</h1>${lines.join('')}`)
}
