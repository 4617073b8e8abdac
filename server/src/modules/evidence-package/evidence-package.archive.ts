import { createHash } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { PassThrough, Readable, Transform } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import archiver from 'archiver'
import { COMPLAINT_EVENT_LABELS } from '../../../../src/contract/complaint-events'
import { MOVE_EVENT_LABELS } from '../../../../src/contract/complaint-moves'
import { ROLE_LABELS, type Role } from '../../../../src/contract/roles'
import type { AppContext } from '../../context'
import { AppError } from '../../errors'
import { parseTextObject } from '../../json-text'
import { complaintFacts } from '../complaints/complaint-facts'
import { eventLogPageQuery } from '../complaints/complaint-events.repository'
import type { ComplaintRow } from '../complaints/complaints.repository'
import { findEvidenceByComplaint, type EvidenceRow } from '../evidence/evidence.repository'
import type { CaseDocument } from './case-documents'
import { CHAIN_FORMAT, CHAIN_START, chainedEvent } from './event-chain'
import { CASE_LOG_FILE, MANIFEST_FILE, PACKAGE_FORMAT, type CaseLogLine, type Manifest, type ManifestFile, type PackageFileKind } from './package-format'
import { packageReadme } from './package-readme'
import { nextEntryTaken } from '../../storage/zip-entry'

const EVENTS_PER_PAGE = 500
const TEXT_COMPRESSION = 6
const EVENT_LABELS: Record<string, string> = { ...COMPLAINT_EVENT_LABELS, ...MOVE_EVENT_LABELS }

export interface PackageInput {
  complaint: ComplaintRow
  exportedBy: Manifest['exportedBy']
  documents: CaseDocument[]
}

type Archive = ReturnType<typeof archiver>
type Source = () => Promise<Readable>

/** Counts and hashes the bytes passing through. */
function meter() {
  const hash = createHash('sha256')
  let bytes = 0
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk)
      bytes += chunk.length
      done(null, chunk)
    },
  })
  return { stream, result: () => ({ sha256: hash.digest('hex'), bytes }) }
}

/**
 * Writes one entry and waits until the archive has taken it all (one source open at a time). A source
 * that cannot be opened or fails midway rejects with `failure`, which the caller turns into an abort.
 */
async function appendEntry(archive: Archive, name: string, open: Source, store: boolean, failure: () => AppError) {
  const tap = meter()
  let source: Readable
  try {
    source = await open()
  } catch (error) {
    throw Object.assign(failure(), { cause: error })
  }
  const taken = nextEntryTaken(archive)
  const out = new PassThrough()
  archive.append(out, { name, store })
  const piped = pipeline(source, tap.stream, out).catch((error: unknown) => {
    throw Object.assign(failure(), { cause: error })
  })
  await Promise.all([piped, taken])
  return tap.result()
}

const jsonSource = (value: unknown): Source => async () => Readable.from([Buffer.from(JSON.stringify(value, null, 2), 'utf8')])

const extension = (key: string) => key.split('.').pop() ?? 'bin'

function photoFiles(photos: EvidenceRow[]) {
  return photos.map((photo, index) => {
    const stem = `${String(index + 1).padStart(2, '0')}-${photo.sha256.slice(0, 12)}`
    return { photo, original: `originals/${stem}.${extension(photo.original_key)}`, display: `display/${stem}.jpg` }
  })
}

/** The events of the case in log order, a page at a time, with their actors' names (users the staff already see). */
async function* eventPages(ctx: AppContext, complaintId: string) {
  let afterSeq = 0
  for (;;) {
    const page = await eventLogPageQuery(ctx.db, complaintId, afterSeq, EVENTS_PER_PAGE).execute()
    if (page.length > 0) yield page
    if (page.length < EVENTS_PER_PAGE) return
    afterSeq = Number(page.at(-1)!.seq)
  }
}

/**
 * Writes the evidence package of one case to `file`, streaming: each photo is read from storage and
 * hashed on its way into the zip before the next is opened, events a page at a time, so memory stays
 * flat however big the case. The manifest comes last, with the SHA-256 and size of what was written.
 * Any failure rejects (the caller deletes the file): there is never a half package that looks whole.
 */
export async function writeEvidencePackage(ctx: AppContext, input: PackageInput, file: string): Promise<Manifest> {
  const { complaint } = input
  const archive = archiver('zip', { zlib: { level: TEXT_COMPRESSION } })
  const written = pipeline(archive, createWriteStream(file))
  written.catch(() => undefined)
  const files: ManifestFile[] = []
  const add = async (path: string, kind: PackageFileKind, open: Source, failure: () => AppError, extra: Partial<ManifestFile> = {}) => {
    const result = await appendEntry(archive, path, open, kind === 'original' || kind === 'display' || kind === 'document', failure)
    files.push({ path, kind, ...result, ...extra })
    return result
  }
  const recordFailure = (path: string) => () => new AppError(500, 'EVIDENCE_PACKAGE_FAILED', `证据包中的 ${path} 没能写完，证据包没有生成，请稍后重试`)
  try {
    const photos = photoFiles(await findEvidenceByComplaint(ctx.db, complaint.id))
    const photoOfEvent = new Map<string, string[]>()
    for (const { photo, original } of photos) {
      if (photo.event_id) photoOfEvent.set(photo.event_id, [...(photoOfEvent.get(photo.event_id) ?? []), original])
    }

    await add('case.json', 'record', jsonSource(caseRecord(complaint, photos)), recordFailure('case.json'))
    let events = 0
    let headHash = CHAIN_START
    await add(
      CASE_LOG_FILE,
      'record',
      async () =>
        Readable.from(
          (async function* () {
            for await (const page of eventPages(ctx, complaint.id)) {
              const lines = page.map((event) => {
                const line: CaseLogLine = { ...chainedEvent(event, Number(event.seq)), note: event.note, previousHash: headHash, hash: event.chain_hash }
                headHash = event.chain_hash
                events += 1
                return `${JSON.stringify(line)}\n`
              })
              yield lines.join('')
            }
          })(),
        ),
      recordFailure(CASE_LOG_FILE),
    )
    await add(
      'timeline.json',
      'record',
      async () =>
        Readable.from(
          (async function* () {
            yield '[\n'
            let first = true
            for await (const page of eventPages(ctx, complaint.id)) {
              for (const event of page) {
                const item = {
                  seq: Number(event.seq),
                  at: event.created_at,
                  type: event.type,
                  label: EVENT_LABELS[event.type] ?? event.type,
                  actor: {
                    role: event.actor_role,
                    roleLabel: event.actor_role === 'system' ? '系统' : ROLE_LABELS[event.actor_role as Role],
                    displayName: event.actor_name ?? null,
                  },
                  fromStatus: event.from_status,
                  toStatus: event.to_status,
                  note: event.note,
                  data: parseTextObject(event.data),
                  photos: photoOfEvent.get(event.id) ?? [],
                }
                yield `${first ? '' : ',\n'}  ${JSON.stringify(item)}`
                first = false
              }
            }
            yield '\n]\n'
          })(),
        ),
      recordFailure('timeline.json'),
    )

    for (const { photo, original, display } of photos) {
      const unreadable = (path: string) => () =>
        new AppError(502, 'EVIDENCE_PACKAGE_FILE_UNREADABLE', `照片 ${path}（证据编号 ${photo.id}）读取失败，证据包没有生成。请稍后重试；仍然失败请联系系统管理员检查照片存储。`)
      const read = await add(original, 'original', () => ctx.storage.getStream(photo.original_key), unreadable(original))
      if (read.sha256 !== photo.sha256) {
        throw new AppError(500, 'EVIDENCE_PACKAGE_PHOTO_ALTERED', `照片 ${original}（证据编号 ${photo.id}）与上传时的 SHA-256 不符，存储中的文件可能已被改动，证据包没有生成。请联系系统管理员。`)
      }
      await add(display, 'display', () => ctx.storage.getStream(photo.display_key), unreadable(display))
    }

    for (const document of input.documents) {
      const path = `documents/${document.name}`
      await add(
        path,
        'document',
        () => document.open(),
        () => new AppError(502, 'EVIDENCE_PACKAGE_FILE_UNREADABLE', `文书 ${path}（${document.title}）读取失败，证据包没有生成，请稍后重试`),
        { title: document.title, recordedSha256: document.recordedSha256 },
      )
    }

    const manifest: Manifest = {
      format: PACKAGE_FORMAT,
      complaint: { id: complaint.id, number: complaint.number },
      exportedAt: ctx.now().toISOString(),
      exportedBy: input.exportedBy,
      files,
      caseLog: { file: CASE_LOG_FILE, chainFormat: CHAIN_FORMAT, events, headHash },
      documents: {
        count: input.documents.length,
        note: input.documents.length === 0 ? '本案目前没有调解协议书或函件等文书' : input.documents.map((document) => document.title).join('、'),
      },
    }
    await add('README.txt', 'record', async () => Readable.from([packageReadme(manifest)]), recordFailure('README.txt'))
    const manifestEntry = new Promise<void>((resolve) => archive.once('entry', () => resolve()))
    archive.append(Buffer.from(JSON.stringify(manifest, null, 2), 'utf8'), { name: MANIFEST_FILE })
    await manifestEntry
    await archive.finalize()
    await written
    return manifest
  } catch (error) {
    archive.abort()
    throw error
  }
}

function caseRecord(complaint: ComplaintRow, photos: ReturnType<typeof photoFiles>) {
  return {
    id: complaint.id,
    ...complaintFacts(complaint),
    createdAt: complaint.created_at,
    closedAt: complaint.closed_at,
    outcome: complaint.outcome,
    photos: photos.map(({ photo, original, display }) => ({
      evidenceId: photo.id,
      original,
      display,
      sha256: photo.sha256,
      mimeType: photo.mime_type,
      bytes: Number(photo.bytes),
      width: Number(photo.width),
      height: Number(photo.height),
      capturedAt: photo.captured_at,
      uploadedAt: photo.created_at,
      attachedAt: photo.attached_at,
      deviceOriginalSha256: photo.original_sha256,
    })),
  }
}
