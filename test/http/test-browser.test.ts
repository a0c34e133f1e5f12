import { createServer } from 'node:http'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TestBrowser } from '../support/browser.ts'
import { CookieJar } from '../support/cookie-jar.ts'
import { parseForms } from '../support/html-forms.ts'

describe('the test browser’s cookie jar', () => {
  const page = new URL('http://127.0.0.1:3000/a/b')

  it('shares cookies between ports of one host, and not with another host', () => {
    const jar = new CookieJar()
    jar.store(page, ['sid=1; Path=/'])
    expect(jar.header(new URL('http://127.0.0.1:4000/'))).toBe('sid=1')
    expect(jar.header(new URL('http://localhost:3000/'))).toBeUndefined()
  })

  it('sends a cookie only below its Path, and defaults Path to the directory', () => {
    const jar = new CookieJar()
    jar.store(page, ['p=1; Path=/interaction/abc', 'd=2'])
    expect(jar.header(new URL('http://127.0.0.1/interaction/abc/login'))).toBe('p=1')
    expect(jar.header(new URL('http://127.0.0.1/interaction/abcd'))).toBeUndefined()
    expect(jar.header(new URL('http://127.0.0.1/a/c'))).toBe('d=2')
    expect(jar.header(new URL('http://127.0.0.1/b'))).toBeUndefined()
  })

  it('deletes by Max-Age=0 or a past Expires, and lets Max-Age win over Expires', () => {
    const jar = new CookieJar()
    jar.store(page, ['a=1; Path=/', 'b=2; Path=/', 'c=3; Path=/'])
    jar.store(page, [
      'a=; Path=/; Max-Age=0',
      'b=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT',
      'c=4; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=60',
    ])
    expect(jar.cookies('127.0.0.1').map((c) => `${c.name}=${c.value}`)).toEqual(['c=4'])
  })

  it('lets a cookie expire with time', () => {
    const jar = new CookieJar()
    jar.store(page, ['a=1; Path=/; Max-Age=10'], 0)
    expect(jar.header(page, 9_999)).toBe('a=1')
    expect(jar.header(page, 10_000)).toBeUndefined()
  })

  it('sends a Secure cookie over https only', () => {
    const jar = new CookieJar()
    jar.store(page, ['s=1; Path=/; Secure; HttpOnly'])
    expect(jar.header(new URL('http://127.0.0.1/'))).toBeUndefined()
    expect(jar.header(new URL('https://127.0.0.1/'))).toBe('s=1')
  })
})

describe('the test browser’s form reader', () => {
  it('reads method, action and fields whatever the attribute order and quotes', () => {
    const html = `<form action='/x?a=1&amp;b=2' METHOD=post><input value="v&quot;1" name=one type=hidden>
      <input type="text" name='two'><input type="checkbox" name="off"><input type="checkbox" name="on" checked>
      <select name="kies"><option value="a">A</option><option selected value="b">B</option></select>
      <textarea name="tekst">hallo &amp; dag</textarea><input disabled name="weg" value="x">
      <button name="actie" value="opslaan">Opslaan</button><button name="actie" value="wissen">Wissen</button></form>
      <form><input name="q" value="z"></form>`
    const [first, second] = parseForms(html, 'http://127.0.0.1:3000/pagina')
    expect(first).toEqual({
      method: 'POST',
      action: 'http://127.0.0.1:3000/x?a=1&b=2',
      fields: [
        ['one', 'v"1'],
        ['two', ''],
        ['on', 'on'],
        ['kies', 'b'],
        ['tekst', 'hallo & dag'],
        ['actie', 'opslaan'],
      ],
    })
    expect(second).toEqual({
      method: 'GET',
      action: 'http://127.0.0.1:3000/pagina',
      fields: [['q', 'z']],
    })
  })
})

describe('the test browser against a server', () => {
  let server: Server
  let base: string

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = ''
      req.on('data', (chunk) => (body += String(chunk)))
      req.on('end', () => {
        const url = new URL(req.url ?? '/', 'http://x')
        if (url.pathname === '/see-other') {
          res.writeHead(303, { location: '/echo', 'set-cookie': 'seen=1; Path=/' })
        } else if (url.pathname === '/temporary') res.writeHead(307, { location: '/echo' })
        else if (url.pathname === '/away')
          res.writeHead(302, { location: 'http://127.0.0.1:9/cb?x=1' })
        else res.writeHead(200, { 'content-type': 'text/plain' })
        res.end(
          `${req.method} ${body} cookie=${req.headers.cookie ?? ''} origin=${req.headers.origin ?? ''}`,
        )
      })
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

  it('turns a POST into a GET after 303 and keeps the cookie it set', async () => {
    const browser = new TestBrowser()
    const page = await browser.post(`${base}/see-other`, { a: '1' })
    expect(page).toMatchObject({ url: `${base}/echo`, status: 200, stopped: false })
    expect(page.html).toBe(`GET  cookie=seen=1 origin=`)
    expect(browser.history).toEqual([`${base}/see-other`, `${base}/echo`])
  })

  it('repeats a POST with its body after 307, with the Origin of the sending page', async () => {
    const page = await new TestBrowser().post(`${base}/temporary`, { a: '1' })
    expect(page.html).toBe(`POST a=1 cookie= origin=${base}`)
  })

  it('stops before a URL with the stopAt prefix, without requesting it', async () => {
    const browser = new TestBrowser()
    const page = await browser.get(`${base}/away`, { stopAt: 'http://127.0.0.1:9/cb' })
    expect(page).toMatchObject({ url: 'http://127.0.0.1:9/cb?x=1', status: 302, stopped: true })
    expect(browser.history).toEqual([`${base}/away`])
  })
})
