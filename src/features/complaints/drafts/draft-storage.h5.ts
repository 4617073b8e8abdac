import { idbDelete, idbGetAll, idbGet, idbPut } from '@/lib/idb'
import { discardPhoto } from '@/lib/photo-files'
import type { ComplaintDraft } from './draft-types'
import { kvDelete, kvList, kvLoad, kvSave } from './draft-storage-kv'

const newestFirst = (a: ComplaintDraft, b: ComplaintDraft) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0)

// Private browsing or a full disk can refuse IndexedDB: then drafts go to localStorage (photos stay in memory).
export async function listDrafts(ownerId: string): Promise<ComplaintDraft[]> {
  let stored: ComplaintDraft[] = []
  try {
    stored = (await idbGetAll<ComplaintDraft>('drafts')).filter((d) => d.ownerId === ownerId)
  } catch {
    // fall through to localStorage
  }
  const fallback = kvList(ownerId).filter((d) => !stored.some((s) => s.id === d.id))
  return [...stored, ...fallback].sort(newestFirst)
}

export async function loadDraft(ownerId: string, id: string): Promise<ComplaintDraft | null> {
  try {
    const draft = await idbGet<ComplaintDraft>('drafts', id)
    if (draft) return draft.ownerId === ownerId ? draft : null
  } catch {
    // fall through
  }
  return kvLoad(ownerId, id)
}

export async function saveDraft(draft: ComplaintDraft): Promise<void> {
  try {
    await idbPut('drafts', draft.id, draft)
  } catch {
    kvSave(draft)
  }
}

export async function deleteDraft(draft: ComplaintDraft): Promise<void> {
  await idbDelete('drafts', draft.id).catch(() => undefined)
  kvDelete(draft)
  await Promise.all(draft.photos.map((p) => discardPhoto(p.file)))
}
