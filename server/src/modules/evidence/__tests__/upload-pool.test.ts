import assert from 'node:assert/strict'
import { availableParallelism } from 'node:os'
import { describe, test } from 'node:test'
import { loadConfig } from '../../../config'
import { AppError } from '../../../errors'
import { createUploadPool } from '../upload-pool'

/** A task the test finishes by hand, recording when it started. */
function heldTask(log: string[], name: string) {
  let finish!: () => void
  const done = new Promise<void>((resolve) => (finish = resolve))
  const task = async () => {
    log.push(`start ${name}`)
    await done
    return name
  }
  return { task, finish: () => finish() }
}

const tick = () => new Promise((resolve) => setImmediate(resolve))

describe('the photo processing pool', () => {
  test('by default as many photos are processed at once as the machine has cores, with 32 waiting', () => {
    const config = loadConfig({ TOKEN_SECRET: 'y'.repeat(40) })
    assert.equal(config.uploads.concurrency, availableParallelism())
    assert.equal(config.uploads.queueLimit, 32)
  })

  test('runs at most `concurrency` at once, in arrival order, and answers each upload as soon as its own task ends', async () => {
    const pool = createUploadPool({ concurrency: 2, queueLimit: 10 })
    const log: string[] = []
    const tasks = ['a', 'b', 'c', 'd'].map((name) => heldTask(log, name))
    const answered: string[] = []
    const runs = tasks.map((held) => pool.run(held.task).then((name) => void answered.push(name)))
    await tick()
    assert.deepEqual(log, ['start a', 'start b'], 'two slots, the rest wait')

    tasks[1]!.finish()
    await tick()
    assert.deepEqual(answered, ['b'], 'b is answered while a, c and d are still processing or waiting')
    assert.deepEqual(log, ['start a', 'start b', 'start c'], 'the freed slot goes to the next in line')

    tasks[2]!.finish()
    await tick()
    assert.deepEqual(answered, ['b', 'c'])
    assert.deepEqual(log.at(-1), 'start d')

    tasks[0]!.finish()
    tasks[3]!.finish()
    await Promise.all(runs)
    assert.deepEqual(answered.sort(), ['a', 'b', 'c', 'd'])
  })

  test('past the queue limit an upload is refused with 503 UPLOADS_BUSY and Retry-After, and room comes back as tasks end', async () => {
    const pool = createUploadPool({ concurrency: 1, queueLimit: 1 })
    const log: string[] = []
    const first = heldTask(log, 'first')
    const second = heldTask(log, 'second')
    const runs = [pool.run(first.task), pool.run(second.task)]
    await tick()

    const refused = (() => {
      try {
        pool.assertRoom()
      } catch (error) {
        return error
      }
    })()
    assert.ok(refused instanceof AppError)
    assert.equal(refused.statusCode, 503)
    assert.equal(refused.code, 'UPLOADS_BUSY')
    assert.match(String(refused.headers['retry-after']), /^[1-9]\d*$/)
    await assert.rejects(pool.run(async () => 'third'), (error: unknown) => error instanceof AppError && error.statusCode === 503)

    first.finish()
    await tick()
    pool.assertRoom() // one running, none waiting: a new upload may queue
    second.finish()
    assert.deepEqual(await Promise.all(runs), ['first', 'second'])
  })
})
