/** Drafts as JSON in Taro storage (wx storage on weapp; the H5 fallback when IndexedDB is refused). */
import Taro from '@tarojs/taro'
import type { ComplaintDraft } from './draft-types'

const indexKey = (ownerId: string) => `weiquan-drafts:${ownerId}`
const draftKey = (id: string) => `weiquan-draft:${id}`

function readJson<T>(key: string): T | null {
  const raw: unknown = Taro.getStorageSync(key)
  if (typeof raw !== 'string' || !raw) return null
  try {
    return JSON.parse(raw) as T
  } catch {
    return null
  }
}

function ids(ownerId: string): string[] {
  const value = readJson<unknown>(indexKey(ownerId))
  return Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : []
}

export function kvList(ownerId: string): ComplaintDraft[] {
  return ids(ownerId)
    .map((id) => readJson<ComplaintDraft>(draftKey(id)))
    .filter((d): d is ComplaintDraft => !!d && d.ownerId === ownerId)
}

export function kvLoad(ownerId: string, id: string): ComplaintDraft | null {
  const draft = readJson<ComplaintDraft>(draftKey(id))
  return draft && draft.ownerId === ownerId ? draft : null
}

export function kvSave(draft: ComplaintDraft): void {
  Taro.setStorageSync(draftKey(draft.id), JSON.stringify(draft))
  const known = ids(draft.ownerId)
  if (!known.includes(draft.id)) Taro.setStorageSync(indexKey(draft.ownerId), JSON.stringify([...known, draft.id]))
}

export function kvDelete(draft: ComplaintDraft): void {
  Taro.removeStorageSync(draftKey(draft.id))
  Taro.setStorageSync(indexKey(draft.ownerId), JSON.stringify(ids(draft.ownerId).filter((id) => id !== draft.id)))
}
