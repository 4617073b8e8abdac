import { createHash, randomUUID } from 'node:crypto'
import type { ComplaintDetail, CreateComplaintRequest } from '../../../../src/contract/complaint'
import { MAX_PHOTOS_PER_COMPLAINT } from '../../../../src/contract/complaint-rules'
import type { AppContext } from '../../context'
import type { Db } from '../../db/database'
import { AppError } from '../../errors'
import type { AuthUser } from '../auth/auth.service'
import { attachEvidence } from '../evidence/evidence.repository'
import { insertComplaintEvent, nextEventTime } from './complaint-events.repository'
import { countComplaintPhotos, findComplaintById, lockOpenComplaint, OPEN_STATUSES, touchComplaint, type ComplaintRow } from './complaints.repository'
import { loadComplaintDetail } from './complaints.service'

/**
 * "The same complaint again": the same consumer, the same business (the directory enterprise when one
 * was chosen, otherwise its name with spacing, case, full-width forms and punctuation ignored), the same
 * incident date and the same amount, and a description telling the same story (sameFacts). The key is
 * stored on the open complaint only, so the lookup is one row of the unique index complaints_open_repeat.
 */
export function repeatKeyOf(request: CreateComplaintRequest, enterpriseId: string | null): string {
  const business = enterpriseId ? `e:${enterpriseId}` : `n:${normaliseName(request.business.name)}`
  return createHash('sha256').update(`${business}|${request.incidentDate}|${request.amountFen}`).digest('hex')
}

/**
 * Whether two descriptions tell the same story: at least 30% of the shorter one's character pairs
 * (letters, digits and CJK only) also occur in the other. Two purchases at one shop on one day for
 * the same amount ("过期牛奶" and "大米有虫") share almost none.
 */
export function sameFacts(a: string, b: string): boolean {
  const pairs = (text: string) => {
    const chars = [...text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '')]
    return new Set(chars.slice(1).map((c, i) => chars[i]! + c))
  }
  const [x, y] = [pairs(a), pairs(b)]
  const smaller = x.size <= y.size ? x : y
  const larger = smaller === x ? y : x
  if (smaller.size === 0) return false
  let shared = 0
  for (const pair of smaller) if (larger.has(pair)) shared += 1
  return shared / smaller.size >= REPEAT_SIMILARITY
}

const REPEAT_SIMILARITY = 0.3

export function normaliseName(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/[\s()（）【】[\]·.,，。、\-_'"“”‘’]/g, '')
}

/** The consumer's open complaint about the same dispute (index complaints_open_repeat: one row at most). */
export function openRepeatQuery(db: Db, consumerId: string, key: string) {
  return db.selectFrom('complaints').selectAll().where('consumer_id', '=', consumerId).where('repeat_key', '=', key).where('status', 'in', OPEN_STATUSES)
}

export function findOpenRepeat(db: Db, consumerId: string, key: string) {
  return openRepeatQuery(db, consumerId, key).executeTakeFirst()
}

/** A filing already merged under this idempotency key (primary key of complaint_merges). */
export function mergeQuery(db: Db, consumerId: string, key: string) {
  return db.selectFrom('complaint_merges').selectAll().where('consumer_id', '=', consumerId).where('idempotency_key', '=', key)
}

export function findMerge(db: Db, consumerId: string, key: string) {
  return mergeQuery(db, consumerId, key).executeTakeFirst()
}

export async function mergedAnswer(ctx: AppContext, complaint: ComplaintRow): Promise<ComplaintDetail> {
  return {
    ...(await loadComplaintDetail(ctx, complaint)),
    mergedRepeat: { into: complaint.number, message: `您已就该商家提交过投诉 ${complaint.number}，本次内容已补充到原投诉` },
  }
}

/**
 * Adds a repeated filing to the open complaint: its description, demands and photos become one
 * consumer event "重复投诉已合并" (staff and the enterprise are told as for a message), and its
 * idempotency key is kept so a retry answers the same. False when the complaint ended meanwhile.
 */
export async function mergeRepeat(
  ctx: AppContext,
  args: { consumer: AuthUser; target: ComplaintRow; key: string; hash: string; request: CreateComplaintRequest },
): Promise<boolean> {
  const { consumer, target, request } = args
  return ctx.db.transaction().execute(async (trx) => {
    if (!(await lockOpenComplaint(trx, target.id))) return false
    const photos = await countComplaintPhotos(trx, target.id)
    if (photos + request.evidenceIds.length > MAX_PHOTOS_PER_COMPLAINT) {
      const left = Math.max(0, MAX_PHOTOS_PER_COMPLAINT - photos)
      throw new AppError(400, 'TOO_MANY_PHOTOS', `您已就该商家提交过投诉 ${target.number}，原投诉还可以添加 ${left} 张照片`)
    }
    const at = await nextEventTime(trx, target.id, ctx.now())
    const eventId = randomUUID()
    // The key first: a retry racing this one fails here, before anything else is written.
    await trx
      .insertInto('complaint_merges')
      .values({ consumer_id: consumer.id, idempotency_key: args.key, request_hash: args.hash, complaint_id: target.id, event_id: eventId, created_at: at })
      .execute()
    await insertComplaintEvent(trx, {
      id: eventId,
      complaint_id: target.id,
      type: 'repeat_merged',
      actor_id: consumer.id,
      actor_role: consumer.role,
      // Free text only in the note, which retention clears with the others; the data keeps the structured facts.
      note: request.demandDetail?.trim() ? `${request.description}\n诉求补充：${request.demandDetail}` : request.description,
      from_status: null,
      to_status: null,
      created_at: at,
      data: JSON.stringify({ demands: request.demands, incidentDate: request.incidentDate, amountFen: request.amountFen }),
    })
    const attached = await attachEvidence(trx, { ids: request.evidenceIds, ownerId: consumer.id, complaintId: target.id, eventId, now: at })
    if (!attached) throw new AppError(422, 'EVIDENCE_INVALID')
    await touchComplaint(trx, target.id, at)
    return true
  })
}

export async function reloadComplaint(ctx: AppContext, id: string) {
  return (await findComplaintById(ctx.db, id))!
}
