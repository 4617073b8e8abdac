import { badRequest } from './errors'

/** Where a newest-first list stopped: the last row's creation time and id. */
export interface TimePosition {
  createdAt: string
  id: string
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/

/** Opaque to the app: base64url of [created_at, id] of the last row on the page (complaints, field reports). */
export function encodeCursor(position: TimePosition): string {
  return Buffer.from(JSON.stringify([position.createdAt, position.id])).toString('base64url')
}

export function decodeCursor(cursor: string): TimePosition {
  let value: unknown
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
  } catch {
    value = null
  }
  if (!Array.isArray(value) || value.length !== 2) throw invalidCursor()
  const [createdAt, id] = value as unknown[]
  if (typeof createdAt !== 'string' || !ISO_TIME.test(createdAt)) throw invalidCursor()
  if (typeof id !== 'string' || id.length === 0 || id.length > 64) throw invalidCursor()
  return { createdAt, id }
}

const invalidCursor = () => badRequest('VALIDATION_FAILED', '列表位置已失效，请从头刷新')
