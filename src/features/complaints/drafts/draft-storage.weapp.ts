import { discardPhoto } from '@/lib/photo-discard'
import type { ComplaintDraft } from './draft-types'
import { kvDelete, kvList, kvLoad, kvSave } from './draft-storage-kv'

const newestFirst = (a: ComplaintDraft, b: ComplaintDraft) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0)

export async function listDrafts(ownerId: string): Promise<ComplaintDraft[]> {
  return kvList(ownerId).sort(newestFirst)
}

export async function loadDraft(ownerId: string, id: string): Promise<ComplaintDraft | null> {
  return kvLoad(ownerId, id)
}

export async function saveDraft(draft: ComplaintDraft): Promise<void> {
  kvSave(draft)
}

export async function deleteDraft(draft: ComplaintDraft): Promise<void> {
  kvDelete(draft)
  await Promise.all(draft.photos.map((p) => discardPhoto(p.file)))
}
