/**
 * Where unfinished complaints are kept on the device, per signed-in user (a shared family phone
 * must not show one person's drafts to another). Taro builds `draft-storage.weapp.ts` (JSON in wx
 * storage, photos as saved files) or `draft-storage.h5.ts` (IndexedDB, photos as Blobs); this neutral
 * file types them.
 */
import type { ComplaintDraft } from './draft-types'

/** Newest first. */
export function listDrafts(_ownerId: string): Promise<ComplaintDraft[]> {
  throw new Error('unsupported platform')
}

export function loadDraft(_ownerId: string, _id: string): Promise<ComplaintDraft | null> {
  throw new Error('unsupported platform')
}

export function saveDraft(_draft: ComplaintDraft): Promise<void> {
  throw new Error('unsupported platform')
}

/** Deletes the draft and its photo files. */
export function deleteDraft(_draft: ComplaintDraft): Promise<void> {
  throw new Error('unsupported platform')
}
