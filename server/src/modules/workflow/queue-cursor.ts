import { badRequest } from '../../errors'
import type { QueuePosition } from './workflow.repository'

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/

/** Opaque to the app: base64url of the last item's place in the queue order. */
export function encodeQueueCursor(position: QueuePosition): string {
  return Buffer.from(JSON.stringify([position.rank, position.due, position.createdAt, position.id])).toString('base64url')
}

export function decodeQueueCursor(cursor: string): QueuePosition {
  let value: unknown
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
  } catch {
    value = null
  }
  if (!Array.isArray(value) || value.length !== 4) throw invalidCursor()
  const [rank, due, createdAt, id] = value as unknown[]
  if (rank !== 0 && rank !== 1) throw invalidCursor()
  if (typeof due !== 'string' || !ISO_TIME.test(due)) throw invalidCursor()
  if (typeof createdAt !== 'string' || !ISO_TIME.test(createdAt)) throw invalidCursor()
  if (typeof id !== 'string' || id.length === 0 || id.length > 64) throw invalidCursor()
  return { rank, due, createdAt, id }
}

const invalidCursor = () => badRequest('VALIDATION_FAILED', '列表位置已失效，请从头刷新')
