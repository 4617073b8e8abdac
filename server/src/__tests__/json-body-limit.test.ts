import assert from 'node:assert/strict'
import net from 'node:net'
import { after, before, describe, test } from 'node:test'
import { createTestApp, TEST_DB, type TestApp } from './support/test-app'

interface Sending {
  bytes: number
  /** 4 KiB every 2 ms, like a phone on a slow network; otherwise one write. */
  slow: boolean
  chunked: boolean
  expectContinue: boolean
}

interface Outcome {
  socketError: string | null
  status: number | null
  body: string
}

/**
 * A client on a real socket that, like most, finishes sending before it looks at the answer: it
 * keeps writing even after the server has answered and closed its side.
 */
function postOverSocket(port: number, sending: Sending): Promise<Outcome> {
  return new Promise((resolve) => {
    const body = Buffer.from(JSON.stringify({ phone: '1'.repeat(sending.bytes) }))
    const socket = net.connect({ port, host: '127.0.0.1', allowHalfOpen: true })
    let received = ''
    let socketError: string | null = null
    let bodyStarted = false
    const framing = sending.chunked ? 'transfer-encoding: chunked' : `content-length: ${body.length}`
    const expect = sending.expectContinue ? 'expect: 100-continue\r\n' : ''
    socket.write(`POST /api/auth/sms-code HTTP/1.1\r\nhost: localhost\r\ncontent-type: application/json\r\n${framing}\r\n${expect}\r\n`)

    async function sendBody() {
      bodyStarted = true
      const step = sending.slow ? 4096 : body.length
      for (let offset = 0; offset < body.length && !socket.destroyed; offset += step) {
        const part = body.subarray(offset, offset + step)
        socket.write(sending.chunked ? Buffer.concat([Buffer.from(`${part.length.toString(16)}\r\n`), part, Buffer.from('\r\n')]) : part)
        if (sending.slow) await new Promise((resolve) => setTimeout(resolve, 2))
      }
      if (!socket.destroyed) socket.end(sending.chunked ? '0\r\n\r\n' : '')
    }

    socket.on('data', (chunk) => {
      received += chunk.toString('utf8')
      if (!sending.expectContinue || bodyStarted) return
      if (received.startsWith('HTTP/1.1 100')) void sendBody()
      // A final answer instead of 100 Continue: the body is not sent at all.
      else if (received.includes('\r\n\r\n')) socket.end()
    })
    socket.on('error', (error: NodeJS.ErrnoException) => (socketError = error.code ?? error.message))
    socket.on('close', () => {
      const final = received.replace(/^HTTP\/1\.1 100 Continue\r\n\r\n/, '')
      const status = /^HTTP\/1\.1 (\d{3})/.exec(final)
      resolve({ socketError, status: status ? Number(status[1]) : null, body: final.slice(final.indexOf('\r\n\r\n') + 4) })
    })
    if (!sending.expectContinue) void sendBody()
  })
}

describe(`JSON bodies over 64 KiB get a readable 413 over a real connection (${TEST_DB})`, () => {
  let t: TestApp
  let port: number
  before(async () => {
    t = await createTestApp()
    await t.app.listen({ port: 0, host: '127.0.0.1' })
    port = (t.app.server.address() as net.AddressInfo).port
  })
  after(() => t.close())

  for (const slow of [false, true]) {
    for (const chunked of [false, true]) {
      for (const expectContinue of [false, true]) {
        const name = `${slow ? 'slow' : 'fast'}, ${chunked ? 'chunked' : 'with content-length'}, ${expectContinue ? 'with' : 'without'} Expect: 100-continue`
        test(`200 KiB, ${name}: 413 {code, message}, never a reset`, async () => {
          for (let round = 0; round < 3; round++) {
            const outcome = await postOverSocket(port, { bytes: 200 * 1024, slow, chunked, expectContinue })
            assert.equal(outcome.socketError, null, `round ${round}: the connection failed instead of answering`)
            assert.equal(outcome.status, 413, `round ${round}`)
            assert.deepEqual(JSON.parse(outcome.body.replace(/^[0-9a-f]+\r\n|\r\n0\r\n\r\n$/g, '')), { code: 'PAYLOAD_TOO_LARGE', message: '提交的内容太大了' })
          }
        })
      }
    }
  }

  test('a body just under the limit is still read and checked (400 for a bad phone, not 413)', async () => {
    for (const chunked of [false, true]) {
      const outcome = await postOverSocket(port, { bytes: 60 * 1024, slow: true, chunked, expectContinue: false })
      assert.equal(outcome.socketError, null)
      assert.equal(outcome.status, 400, chunked ? 'chunked' : 'content-length')
    }
  })
})
