import assert from 'node:assert/strict'
import { X509Certificate } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, describe, test } from 'node:test'
import { localCertificate } from '../local-certificate'

const dir = mkdtempSync(path.join(tmpdir(), 'weiquan-tls-'))
after(() => rmSync(dir, { recursive: true, force: true }))

const server = (chain: string) => new X509Certificate(chain.slice(0, chain.indexOf('-----END CERTIFICATE-----') + 25))

describe('the HTTPS=1 certificate made on this computer', () => {
  test('is signed by its own authority, for every name and address given, and reused while they stay the same', () => {
    const first = localCertificate(dir, ['localhost', '127.0.0.1', '192.168.1.23'])
    const cert = server(first.cert)
    const authority = new X509Certificate(first.authority)
    assert.ok(authority.ca, 'the authority a phone installs is a CA')
    assert.ok(cert.verify(authority.publicKey), 'the server certificate is signed by that authority')
    assert.equal(cert.ca, false)
    for (const ip of ['127.0.0.1', '192.168.1.23']) assert.equal(cert.checkIP(ip), ip)
    assert.equal(cert.checkHost('localhost'), 'localhost')
    assert.ok(first.cert.endsWith(first.authority), 'the chain sent to phones ends with the authority')
    const days = (Date.parse(cert.validTo) - Date.now()) / 86_400_000
    assert.ok(days > 700 && days <= 825, `valid ${Math.round(days)} days (iPhones refuse more than 825)`)
    assert.deepEqual(localCertificate(dir, ['localhost', '127.0.0.1', '192.168.1.23']), first)
  })

  test('a new LAN address gets a new server certificate from the same authority, so a phone keeps trusting it', () => {
    const before = localCertificate(dir, ['localhost', '127.0.0.1', '192.168.1.23'])
    const after = localCertificate(dir, ['localhost', '127.0.0.1', '10.0.0.7'])
    assert.equal(after.authority, before.authority)
    assert.notEqual(after.cert, before.cert)
    assert.equal(server(after.cert).checkIP('10.0.0.7'), '10.0.0.7')
    assert.ok(server(after.cert).verify(new X509Certificate(before.authority).publicKey))
  })
})
