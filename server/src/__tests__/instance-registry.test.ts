import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { AppContext } from '../context'
import { InstanceConflictError, registerInstance } from '../jobs/instance-registry'
import { createTestApp, TEST_DB, type TestApp } from './support/test-app'

describe('a second API instance on disk storage is refused (postgres)', { skip: TEST_DB !== 'postgres' && 'SQLite: one machine owns the file' }, () => {
  let a: TestApp
  let b: TestApp
  before(async () => {
    a = await createTestApp()
    b = await a.another()
  })
  after(() => a.close())

  const onS3 = (ctx: AppContext): AppContext => ({ ...ctx, config: { ...ctx.config, s3: { endpoint: 'http://127.0.0.1:1', bucket: 'b', accessKeyId: 'k', secretAccessKey: 's', region: 'r' } as never } })

  test('disk + disk is refused with a Chinese and English message; after the first stops, the second starts', async () => {
    const leave = await registerInstance(a.ctx)
    await assert.rejects(registerInstance(b.ctx), (error: Error) => error instanceof InstanceConflictError && /照片存储在本机磁盘/.test(error.message) && /S3_ENDPOINT/.test(error.message) && /local disk/.test(error.message))
    // An S3 instance beside a disk one is refused too: the disk instance's photos are missing there.
    await assert.rejects(registerInstance(onS3(b.ctx)), InstanceConflictError)
    await leave()
    const leaveSecond = await registerInstance(b.ctx)
    await leaveSecond()
  })

  test('any number of instances on S3 storage may run together', async () => {
    const leaves = [await registerInstance(onS3(a.ctx)), await registerInstance(onS3(b.ctx)), await registerInstance(onS3(a.ctx))]
    for (const leave of leaves) await leave()
  })
})
