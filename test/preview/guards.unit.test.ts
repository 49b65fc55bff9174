import assert from 'node:assert/strict'
import type { IncomingMessage } from 'node:http'
import { describe, it } from 'node:test'
import { injectClient, widenPolicy } from '../../src/commands/preview/inject.ts'
import { touchedLanguages } from '../../src/commands/preview/rebuild.ts'
import { checkRead, checkWrite } from '../../src/commands/preview/security.ts'
import { safeSegments } from '../../src/commands/preview/static-files.ts'

const guard = { token: 't0ken', host: '127.0.0.1', port: 8000 }
const req = (headers: Record<string, string>): IncomingMessage => ({ headers }) as unknown as IncomingMessage

describe('preview server guards', () => {
  it('should refuse dot segments, encoded or not, and encoded slashes, backslashes and NUL', () => {
    for (const path of ['/../a', '/%2e%2e/a', '/%2E%2e/a', '/a/%2fb', '/a%5cb', '/a/./b', '/a//b', '/%00', '/%zz'])
      assert.equal(safeSegments(path), undefined, path)
    assert.deepEqual(safeSegments('/wuzhen-outlook-2019/fr/'), ['wuzhen-outlook-2019', 'fr'])
  })

  it('should answer only its own Host, and take writes only with the token from its own origin', () => {
    assert.equal(checkRead(req({ host: '127.0.0.1:8000' }), guard, null).ok, true)
    assert.equal(checkRead(req({ host: 'attacker.example:8000' }), guard, null).ok, false)
    const own = { host: 'localhost:8000', origin: 'http://localhost:8000' }
    assert.equal(checkWrite(req({ ...own, 'x-press-token': 't0ken' }), guard).ok, true)
    assert.equal(checkWrite(req({ ...own, 'x-press-token': 'wrong' }), guard).ok, false)
    assert.equal(checkWrite(req(own), guard).ok, false)
    assert.equal(checkWrite(req({ ...own, origin: 'http://evil.example', 'x-press-token': 't0ken' }), guard).ok, false)
  })

  it('should need the token for every request off loopback', () => {
    const open = { ...guard, host: '0.0.0.0' }
    assert.equal(checkRead(req({ host: '10.0.0.2:8000' }), open, null).ok, false)
    assert.equal(checkRead(req({ host: '10.0.0.2:8000' }), open, 't0ken').ok, true)
    assert.equal(checkRead(req({ host: '10.0.0.2:8000', cookie: 'press-token=t0ken' }), open, null).ok, true)
  })

  it("should allow the injected script by a nonce, never 'unsafe-inline', keeping the page's own hash", () => {
    const policy = widenPolicy("script-src 'sha256-abc'; object-src 'none'", 'N')
    assert.match(policy, /script-src 'sha256-abc' 'nonce-N'/)
    assert.match(policy, /connect-src 'self'/)
    assert.doesNotMatch(widenPolicy("default-src 'none'; script-src 'none'", 'N'), /unsafe-inline|script-src 'none'/)
    const page = '<html><head><meta http-equiv="Content-Security-Policy" content="script-src &#x27;none&#x27;"></head><body></body></html>'
    const { html } = injectClient(page, { client: 'x()', style: 'p{}' }, { token: '"<t>', reviewer: 'A & B', page: '/' })
    assert.match(html, /data-token="&quot;&lt;t&gt;" data-reviewer="A &amp; B"/)
    assert.equal(html.match(/nonce="([^"]+)"/g)?.length, 2)
  })

  it('should rebuild one language for its translation file and every language for anything else', () => {
    assert.deepEqual(touchedLanguages(['translations/fr/wuzhen-outlook-2019.json']), new Set(['fr']))
    assert.equal(touchedLanguages(['translations/fr/ui.json', 'content/wuzhen-outlook-2019/outlook.md']), 'all')
  })
})
