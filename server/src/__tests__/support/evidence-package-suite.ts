import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { Readable } from 'node:stream'
import { after, before, describe, test } from 'node:test'
import { seedDemoData } from '../../seed/demo'
import { registerCaseDocumentSource } from '../../modules/evidence-package/case-documents'
import { packageTempDir } from '../../modules/evidence-package/evidence-package.service'
import type { CaseLogLine, Manifest } from '../../modules/evidence-package/package-format'
import { verifyEvidencePackage } from '../../modules/evidence-package/package-verifier'
import { fileComplaint } from './complaints'
import { makeJpeg, uploadPhoto } from './photos'
import { NO_S3_ENDPOINT } from './s3'
import { bearer, createTestApp, loginByPhone, TEST_DB, type TestApp } from './test-app'
import { unzip } from './unzip'
import { act } from './workflow'
import { writeZip } from './zip-files'

const XIHU_REGION = '浙江省/杭州市/西湖区'
const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex')

function exportPackage(t: TestApp, token: string, id: string) {
  return t.app.inject({ method: 'GET', url: `/api/complaints/${id}/evidence-package`, headers: bearer(token) })
}

/** A case in 西湖区 with two photos, a message with a photo and a staff step with a note. */
async function fileCase(t: TestApp, consumer: string, staff: string, sizeOffset = 0) {
  const photo = async (seed: number) => {
    const uploaded = await uploadPhoto(t, consumer, await makeJpeg(400 + sizeOffset + seed, 300))
    assert.equal(uploaded.statusCode, 201, uploaded.body)
    return uploaded.json().id as string
  }
  const filed = await fileComplaint(t, consumer, {
    business: { name: '西湖示例茶庄', address: '西湖区龙井路 1 号', region: XIHU_REGION },
    path: 'association',
    evidenceIds: [await photo(1), await photo(2)],
  })
  const message = await t.app.inject({ method: 'POST', url: `/api/complaints/${filed.id}/messages`, headers: bearer(consumer), payload: { text: '商家今天又拒绝退款。', evidenceIds: [await photo(3)] } })
  assert.equal(message.statusCode, 200, message.body)
  const accepted = await act(t, staff, filed.id, 'accept', { note: '材料齐全，予以受理' })
  assert.equal(accepted.statusCode, 200, accepted.body)
  return filed
}

/** The whole story on one storage backend: disk in evidence-package.test.ts, S3 in evidence-package-s3.test.ts. */
export function packageSuite(label: string, env: Record<string, string> | null) {
  describe(`evidence package (${TEST_DB}, ${label})`, { skip: env ? false : NO_S3_ENDPOINT }, () => {
    let t: TestApp
    let dir: string
    const token: Record<string, string> = {}
    let complaint: { id: string; number: string }
    let zipFile: string
    let files: Map<string, Buffer>
    let manifest: Manifest

    before(async () => {
      if (!env) return
      t = await createTestApp(env)
      await seedDemoData(t.ctx.db)
      dir = await mkdtemp(path.join(tmpdir(), 'weiquan-package-'))
      for (const [name, phone] of Object.entries({ consumer: '13800000001', liaison: '13800000003', xihu: '13800000013', hangzhou: '13800000012', shangcheng: '13800000014' })) {
        token[name] = (await loginByPhone(t, phone, `10.77.0.${phone.slice(-2)}`)).accessToken
      }
      complaint = await fileCase(t, token.consumer!, token.xihu!)
      const response = await exportPackage(t, token.hangzhou!, complaint.id)
      assert.equal(response.statusCode, 200, response.body)
      assert.equal(response.headers['content-type'], 'application/zip')
      assert.match(String(response.headers['content-disposition']), new RegExp(`${complaint.number}-evidence\\.zip`))
      zipFile = path.join(dir, 'clean.zip')
      await writeFile(zipFile, response.rawPayload)
      files = await unzip(response.rawPayload)
      manifest = JSON.parse(files.get('manifest.json')!.toString('utf8')) as Manifest
    })
    after(async () => {
      await t?.close()
      if (dir) await rm(dir, { recursive: true, force: true })
    })

    /** The clean package with some files replaced (and, for a careful forger, the manifest fixed to match). */
    async function tampered(name: string, change: (files: Map<string, Buffer>) => void, fixManifest = false) {
      const copy = new Map(files)
      change(copy)
      if (fixManifest) {
        const fixed = structuredClone(manifest)
        for (const item of fixed.files) {
          const bytes = copy.get(item.path)
          if (bytes) Object.assign(item, { sha256: sha256(bytes), bytes: bytes.length })
        }
        copy.set('manifest.json', Buffer.from(JSON.stringify(fixed)))
      }
      const file = path.join(dir, `${name}.zip`)
      await writeZip(file, copy)
      return verifyEvidencePackage(file)
    }

    test('a clean package holds every original and display copy, the timeline with actors, the chained log and a manifest, and verifies', async () => {
      const names = [...files.keys()].sort()
      const originals = names.filter((name) => name.startsWith('originals/'))
      assert.equal(originals.length, 3)
      assert.equal(names.filter((name) => name.startsWith('display/')).length, 3)
      for (const name of ['README.txt', 'case.json', 'case-log.jsonl', 'manifest.json', 'timeline.json']) assert.ok(files.has(name), name)
      const rows = await t.ctx.db.selectFrom('evidence').select('sha256').where('complaint_id', '=', complaint.id).execute()
      assert.deepEqual(originals.map((name) => sha256(files.get(name)!)).sort(), rows.map((row) => row.sha256).sort(), 'originals are byte for byte the uploads')
      for (const item of manifest.files) assert.equal(item.sha256, sha256(files.get(item.path)!), item.path)
      assert.deepEqual(manifest.documents, { count: 0, note: '本案目前没有调解协议书或函件等文书' })
      assert.equal(manifest.exportedBy.displayName, '周科长')

      const timeline = JSON.parse(files.get('timeline.json')!.toString('utf8')) as Array<{ type: string; actor: { roleLabel: string; displayName: string }; note: string | null; photos: string[] }>
      assert.deepEqual(timeline.map((event) => event.type).slice(0, 3), ['submitted', 'message', 'accept'])
      assert.deepEqual(timeline[0]!.actor, { role: 'consumer', roleLabel: '消费者', displayName: '王阿姨' })
      assert.equal(timeline[2]!.actor.displayName, '吴干事')
      assert.equal(timeline[0]!.photos.length, 2)
      const log = files.get('case-log.jsonl')!.toString('utf8').trim().split('\n').map((line) => JSON.parse(line) as CaseLogLine)
      assert.deepEqual(log.map((line) => line.seq), timeline.map((_, index) => index + 1))
      assert.equal(log.at(-1)!.hash, manifest.caseLog.headHash)

      const result = await verifyEvidencePackage(zipFile)
      assert.deepEqual(result.problems, [])
      assert.equal(result.summary.events, timeline.length)
    })

    test('a changed photo fails, naming the photo', async () => {
      const original = manifest.files.find((item) => item.kind === 'original')!.path
      const result = await tampered('photo', (copy) => {
        const bytes = Buffer.from(copy.get(original)!)
        bytes[bytes.length - 10] = bytes[bytes.length - 10]! ^ 0xff
        copy.set(original, bytes)
      })
      assert.equal(result.ok, false)
      assert.deepEqual(result.problems, [`照片原件 ${original} 的 SHA-256 与清单不符（已被修改）`])
    })

    test('a removed event fails: the chain breaks after the event before it, even with the manifest fixed to match', async () => {
      const dropSecond = (copy: Map<string, Buffer>) => {
        const lines = copy.get('case-log.jsonl')!.toString('utf8').split('\n')
        lines.splice(1, 1)
        copy.set('case-log.jsonl', Buffer.from(lines.join('\n')))
      }
      const careful = await tampered('removed-event', dropSecond, true)
      assert.deepEqual(careful.problems, ['事件 #2 缺失：链在 #1 之后断开'])
      const careless = await tampered('removed-event-careless', dropSecond)
      assert.ok(careless.problems.includes('记录文件 case-log.jsonl 的 SHA-256 与清单不符（已被修改）'), careless.problems.join('\n'))
      assert.ok(careless.problems.includes('事件 #2 缺失：链在 #1 之后断开'))
    })

    test('an edited or dropped last event fails', async () => {
      const editNote = await tampered(
        'edited-note',
        (copy) => copy.set('case-log.jsonl', Buffer.from(copy.get('case-log.jsonl')!.toString('utf8').replace('材料齐全，予以受理', '材料不全'))),
        true,
      )
      assert.equal(editNote.ok, false)
      assert.match(editNote.problems[0]!, /^事件 #\d+ 的说明文字已被修改/)
      const cutEnd = await tampered(
        'cut-end',
        (copy) => {
          const lines = copy.get('case-log.jsonl')!.toString('utf8').trim().split('\n')
          copy.set('case-log.jsonl', Buffer.from(`${lines.slice(0, -1).join('\n')}\n`))
        },
        true,
      )
      assert.deepEqual(cutEnd.problems, [`事件 #${manifest.caseLog.events} 缺失：清单记有 ${manifest.caseLog.events} 个事件，链在 #${manifest.caseLog.events - 1} 之后中断`])
    })

    test('an event edited in the database afterwards shows in the next package', async () => {
      const event = await t.ctx.db.selectFrom('complaint_events').select(['id', 'seq']).where('complaint_id', '=', complaint.id).where('type', '=', 'accept').executeTakeFirstOrThrow()
      await t.ctx.db.updateTable('complaint_events').set({ created_at: '2020-01-01T00:00:00.000Z' }).where('id', '=', event.id).execute()
      try {
        const response = await exportPackage(t, token.xihu!, complaint.id)
        const file = path.join(dir, 'db-edited.zip')
        await writeFile(file, response.rawPayload)
        const result = await verifyEvidencePackage(file)
        assert.equal(result.ok, false)
        assert.match(result.problems[0]!, new RegExp(`^事件 #${event.seq} 的内容已被修改`))
      } finally {
        const original = files.get('case-log.jsonl')!.toString('utf8').trim().split('\n').map((line) => JSON.parse(line) as CaseLogLine).find((line) => line.id === event.id)!
        await t.ctx.db.updateTable('complaint_events').set({ created_at: original.createdAt }).where('id', '=', event.id).execute()
      }
    })

    test('a document (the agreement, once it exists) is packed and an edited one fails', async () => {
      const pdf = Buffer.from('%PDF-1.7\n调解协议书（测试）\n%%EOF\n')
      const unregister = registerCaseDocumentSource(async (_ctx, row) =>
        row.id === complaint.id ? [{ name: 'agreement.pdf', title: '调解协议书', contentType: 'application/pdf', recordedSha256: sha256(pdf), open: async () => Readable.from([pdf]) }] : [],
      )
      try {
        const response = await exportPackage(t, token.xihu!, complaint.id)
        assert.equal(response.statusCode, 200, response.body)
        const file = path.join(dir, 'with-agreement.zip')
        await writeFile(file, response.rawPayload)
        assert.deepEqual((await verifyEvidencePackage(file)).problems, [])
        const packed = await unzip(response.rawPayload)
        assert.deepEqual(packed.get('documents/agreement.pdf'), pdf)
        const edited = new Map(packed)
        edited.set('documents/agreement.pdf', Buffer.from(pdf.toString('utf8').replace('测试', '改过')))
        const editedFile = path.join(dir, 'edited-agreement.zip')
        await writeZip(editedFile, edited)
        assert.deepEqual((await verifyEvidencePackage(editedFile)).problems, ['文书 documents/agreement.pdf（调解协议书） 已被修改（SHA-256 与清单不符）'])
      } finally {
        unregister()
      }
    })

    test('a package with a path-traversal, absolute or backslash name is refused before anything is read', async () => {
      for (const name of ['../evil.txt', '/etc/evil.txt', 'originals\\..\\..\\evil.txt', 'originals/../../evil.txt', 'C:/evil.txt']) {
        const result = await tampered(`traversal-${sha256(name).slice(0, 6)}`, (copy) => copy.set(name, Buffer.from('x')))
        assert.equal(result.ok, false, name)
        assert.equal(result.problems.length, 1, result.problems.join('\n'))
        assert.match(result.problems[0]!, new RegExp(`^拒绝：压缩包中的文件名 “${name.replace(/[\\.]/g, '\\$&')}”`))
      }
      const extra = await tampered('extra', (copy) => copy.set('originals/extra.jpg', Buffer.from('x')))
      assert.deepEqual(extra.problems, ['多出的文件 originals/extra.jpg：清单中没有它'])
    })

    test('who may export: staff above or at the holding organization; another organization 404; consumer and liaison 403', async () => {
      assert.equal((await exportPackage(t, token.xihu!, complaint.id)).statusCode, 200)
      const sibling = await exportPackage(t, token.shangcheng!, complaint.id)
      assert.equal(sibling.statusCode, 404)
      assert.equal(sibling.json().code, 'NOT_FOUND')
      for (const who of ['consumer', 'liaison']) {
        const refused = await exportPackage(t, token[who]!, complaint.id)
        assert.equal(refused.statusCode, 403, who)
        assert.equal(refused.json().code, 'FORBIDDEN')
      }
    })

    test('a photo that cannot be read is a clear error, and no package file is left behind', async () => {
      // Other photos than the first case's: storage keys are content hashes, shared by identical photos.
      const other = await fileCase(t, token.consumer!, token.xihu!, 10)
      const photo = await t.ctx.db.selectFrom('evidence').select(['id', 'display_key']).where('complaint_id', '=', other.id).orderBy('position').executeTakeFirstOrThrow()
      await t.ctx.storage.delete(photo.display_key)
      const response = await exportPackage(t, token.xihu!, other.id)
      assert.equal(response.statusCode, 502, response.body)
      assert.equal(response.json().code, 'EVIDENCE_PACKAGE_FILE_UNREADABLE')
      assert.match(response.json().message, new RegExp(`^照片 display/\\d\\d-[0-9a-f]{12}\\.jpg（证据编号 ${photo.id}）读取失败，证据包没有生成`))
      assert.deepEqual(await readdir(packageTempDir(t.ctx.config.dataDir)).catch(() => []), [])
    })

    test('events written at once on one case chain one after the other', async () => {
      const messages = await Promise.all(
        ['第一条', '第二条', '第三条', '第四条'].map((text) => t.app.inject({ method: 'POST', url: `/api/complaints/${complaint.id}/messages`, headers: bearer(token.consumer!), payload: { text, evidenceIds: [] } })),
      )
      assert.deepEqual(messages.map((response) => response.statusCode), [200, 200, 200, 200])
      const response = await exportPackage(t, token.xihu!, complaint.id)
      assert.equal(response.statusCode, 200, response.body)
      const file = path.join(dir, 'concurrent.zip')
      await writeFile(file, response.rawPayload)
      const result = await verifyEvidencePackage(file)
      assert.deepEqual(result.problems, [])
      assert.equal(result.summary.events, manifest.caseLog.events + 4)
    })
  })
}
