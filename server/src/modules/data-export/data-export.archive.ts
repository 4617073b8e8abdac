import { createWriteStream } from 'node:fs'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import archiver from 'archiver'
import { nextEntryTaken } from '../../storage/zip-entry'
import { COMPLAINT_EVENT_LABELS } from '../../../../src/contract/complaint-events'
import { MOVE_EVENT_LABELS } from '../../../../src/contract/complaint-moves'
import { NOTIFICATION_CHANNELS } from '../../../../src/contract/notification-labels'
import type { AppContext } from '../../context'
import { parseTextObject } from '../../json-text'
import { complaintFacts } from '../complaints/complaint-facts'
import { listPreferences } from '../notifications/notification-preferences'
import { questionsForExport } from './data-export.qa'

const COMPLAINTS_PER_PAGE = 50
const NOTIFICATIONS_PER_PAGE = 500
/** Text is small: compress it well. Photos are JPEG/PNG/WebP/HEIC already: stored as they are. */
const TEXT_COMPRESSION = 6

const README = `维权通 · 我的数据

这是您在维权通的个人信息副本（《个人信息保护法》第 45 条），在您申请时打包：

account.json        账号：手机号、名称、身份、注册时间
settings.json       通知设置（每种通知用哪些方式提醒您）
notifications.json  收到的全部消息
complaints/<投诉编号>/complaint.json  每件投诉：填写的内容、处理进度（时间线）、补充说明和各方留言
complaints/<投诉编号>/photos/         您上传的照片原件，与上传时逐字节相同（文件名含 SHA-256 前 12 位，complaint.json 里有完整值）
lawyer-qa/<日期>-<编号>/question.json  在律师答疑提的每个问题：问题、是否同意公开、律师的解答（引用的法条、下一步建议）、公开发布的文字
lawyer-qa/<日期>-<编号>/photos/        提问时上传的照片原件

JSON 文件是 UTF-8 编码的文本，可以用记事本或任何文本编辑器打开。
`

export interface ArchiveResult {
  photoCount: number
  bytes: number
}

/** Appends one entry and waits until the archive has taken it all: one source open at a time. */
function appendOne(archive: ReturnType<typeof archiver>, source: Readable | Buffer, name: string, store: boolean): Promise<void> {
  const taken = nextEntryTaken(archive)
  archive.append(source, { name, store })
  return taken
}

const json = (value: unknown) => Buffer.from(JSON.stringify(value, null, 2), 'utf8')

/** notifications.json written page by page: a long inbox is never held in memory as one string. */
function notificationsJson(ctx: AppContext, userId: string): Readable {
  return Readable.from(
    (async function* () {
      yield '[\n'
      let first = true
      let afterSeq = 0
      for (;;) {
        const page = await ctx.db
          .selectFrom('notifications')
          .select(['id', 'seq', 'type', 'title', 'body', 'complaint_id', 'created_at', 'read_at'])
          .where('recipient_id', '=', userId)
          .where('seq', '>', afterSeq)
          .orderBy('seq')
          .limit(NOTIFICATIONS_PER_PAGE)
          .execute()
        for (const row of page) {
          const item = { id: row.id, type: row.type, title: row.title, body: row.body, complaintId: row.complaint_id, createdAt: row.created_at, readAt: row.read_at }
          yield `${first ? '' : ',\n'}  ${JSON.stringify(item)}`
          first = false
        }
        if (page.length < NOTIFICATIONS_PER_PAGE) break
        afterSeq = Number(page.at(-1)!.seq)
      }
      yield '\n]\n'
    })(),
  )
}

/**
 * Writes the person's data as a zip to `file`, streaming: complaints a page at a time, each photo read
 * from storage as a stream and written before the next is opened, so memory stays flat whatever the
 * number of photos. `onProgress` runs after each photo (the worker keeps its lease with it).
 */
export async function writeExportArchive(ctx: AppContext, userId: string, file: string, onProgress: () => Promise<void>): Promise<ArchiveResult> {
  const archive = archiver('zip', { zlib: { level: TEXT_COMPRESSION } })
  const written = pipeline(archive, createWriteStream(file))
  // A failure while appending rejects `written` too; it is awaited (or its rejection handled) below.
  written.catch(() => undefined)
  let photoCount = 0
  try {
    const user = await ctx.db
      .selectFrom('users')
      .select(['id', 'phone', 'display_name', 'role', 'created_at'])
      .where('id', '=', userId)
      .executeTakeFirstOrThrow()
    await appendOne(archive, Buffer.from(README, 'utf8'), 'README.txt', false)
    await appendOne(
      archive,
      json({ id: user.id, phone: user.phone, displayName: user.display_name, role: user.role, createdAt: user.created_at, exportedAt: ctx.now().toISOString() }),
      'account.json',
      false,
    )
    await appendOne(archive, json({ notifications: await listPreferences(ctx.db, userId, NOTIFICATION_CHANNELS) }), 'settings.json', false)
    await appendOne(archive, notificationsJson(ctx, userId), 'notifications.json', false)

    let after: { createdAt: string; id: string } | null = null
    for (;;) {
      let query = ctx.db.selectFrom('complaints').selectAll().where('consumer_id', '=', userId)
      if (after) {
        const { createdAt, id } = after
        query = query.where((eb) => eb.or([eb('created_at', '>', createdAt), eb.and([eb('created_at', '=', createdAt), eb('id', '>', id)])]))
      }
      const complaints = await query.orderBy('created_at').orderBy('id').limit(COMPLAINTS_PER_PAGE).execute()
      for (const complaint of complaints) {
        const [events, photos] = await Promise.all([
          ctx.db.selectFrom('complaint_events').selectAll().where('complaint_id', '=', complaint.id).orderBy('created_at').orderBy('id').execute(),
          ctx.db
            .selectFrom('evidence')
            .select(['id', 'sha256', 'mime_type', 'bytes', 'original_key', 'captured_at', 'created_at', 'event_id', 'position'])
            .where('complaint_id', '=', complaint.id)
            .where('owner_id', '=', userId)
            .orderBy('created_at')
            .orderBy('id')
            .execute(),
        ])
        const folder = `complaints/${complaint.number}`
        const photoFile = (photo: (typeof photos)[number], index: number) =>
          `photos/${String(index + 1).padStart(2, '0')}-${photo.sha256.slice(0, 12)}.${photo.original_key.split('.').pop()}`
        const timeline = events.map((event) => ({
          at: event.created_at,
          type: event.type,
          label: ({ ...COMPLAINT_EVENT_LABELS, ...MOVE_EVENT_LABELS } as Record<string, string>)[event.type] ?? event.type,
          actorRole: event.actor_role,
          note: event.note,
          fromStatus: event.from_status,
          toStatus: event.to_status,
          data: parseTextObject(event.data),
          photos: photos.flatMap((photo, index) => (photo.event_id === event.id ? [photoFile(photo, index)] : [])),
        }))
        await appendOne(
          archive,
          json({
            ...complaintFacts(complaint),
            consentAt: complaint.consent_at,
            createdAt: complaint.created_at,
            closedAt: complaint.closed_at,
            outcome: complaint.outcome,
            proposal: complaint.proposal_text,
            rating: complaint.rating === null ? null : { stars: complaint.rating, comment: complaint.rating_comment, ratedAt: complaint.rated_at },
            timeline,
            messages: timeline.filter((event) => event.note !== null),
            photos: photos.map((photo, index) => ({
              file: photoFile(photo, index),
              sha256: photo.sha256,
              mimeType: photo.mime_type,
              bytes: Number(photo.bytes),
              capturedAt: photo.captured_at,
              uploadedAt: photo.created_at,
            })),
          }),
          `${folder}/complaint.json`,
          false,
        )
        for (const [index, photo] of photos.entries()) {
          await appendOne(archive, await ctx.storage.getStream(photo.original_key), `${folder}/${photoFile(photo, index)}`, true)
          photoCount++
          await onProgress()
        }
      }
      const last = complaints.at(-1)
      if (complaints.length < COMPLAINTS_PER_PAGE || !last) break
      after = { createdAt: last.created_at, id: last.id }
    }
    for await (const question of questionsForExport(ctx, userId)) {
      await appendOne(archive, json(question.json), `${question.folder}/question.json`, false)
      for (const photo of question.photos) {
        await appendOne(archive, await ctx.storage.getStream(photo.originalKey), `${question.folder}/${photo.file}`, true)
        photoCount++
        await onProgress()
      }
    }
    await archive.finalize()
    await written
    return { photoCount, bytes: archive.pointer() }
  } catch (error) {
    archive.abort()
    throw error
  }
}
