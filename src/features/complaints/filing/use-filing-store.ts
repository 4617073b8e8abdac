/**
 * The complaint being filed: one draft at a time, shared by the five step pages of the subpackage.
 * Every change is saved on the device (debounced while typing); photos upload as soon as they are
 * added, and their progress lives here but is not saved.
 */
import Taro from '@tarojs/taro'
import { create } from 'zustand'
import type { ComplaintDetail } from '@/contract/complaint'
import { persistPhoto, discardPhoto, type PickedPhoto } from '@/lib/photo-files'
import { uuid } from '@/lib/uuid'
import { EVIDENCE_KEEP_MS, newDraft, normalizeBusinessKey, photoState, type ComplaintDraft, type DraftPhoto } from '../drafts/draft-model'
import { deleteDraft, listDrafts, loadDraft, saveDraft } from '../drafts/draft-storage'
import { DRAFT_DELETED_EVENT } from '../start'
import { describeUploadFailure, uploadPhotoFile, type UploadProgress } from './upload-photo'
import { prefillFromQuestion } from '../api/prefill-from-question'
import { draftFromQuestion } from './draft-from-question'

const SAVE_DELAY_MS = 400

interface FilingState {
  draft: ComplaintDraft | null
  /** Progress of photos being uploaded right now, by photo id. */
  uploads: Record<string, UploadProgress>
  /** The complaint just filed, for the result screen. */
  filed: ComplaintDetail | null
  /** `fromQuestion`: a new draft is filled from that question (一键投诉); a draft already saved wins. */
  open(args: { ownerId: string; draftId: string; phone: string | null; fromQuestion?: string }): Promise<ComplaintDraft>
  update(change: (draft: ComplaintDraft) => void): void
  reachStep(step: number): void
  addPhotos(picked: PickedPhoto[]): Promise<void>
  removePhoto(photoId: string): Promise<void>
  setOriginal(photoId: string, original: boolean): void
  retryPhoto(photoId: string): void
  /** Clears every upload (e.g. the server no longer knows them) and uploads again. */
  reuploadAll(): void
  flush(): Promise<void>
  /** Another unfinished draft for the same business, if any. */
  otherDraftForSameBusiness(): Promise<ComplaintDraft | null>
  discard(draft?: ComplaintDraft): Promise<void>
  finish(filed: ComplaintDetail): Promise<void>
}

let saveTimer: ReturnType<typeof setTimeout> | null = null
let saving: Promise<void> = Promise.resolve()

/** Nothing typed yet: not worth a place in the drafts list. */
function isBlank(d: ComplaintDraft): boolean {
  return !d.business.name.trim() && !d.description.trim() && !d.photos.length && !d.industry && !d.demands.length && !d.amountYuan.trim() && !d.business.address.trim()
}

export const useFilingStore = create<FilingState>()((set, get) => {
  function persistNow(): Promise<void> {
    if (saveTimer) clearTimeout(saveTimer)
    saveTimer = null
    const draft = get().draft
    if (!draft || isBlank(draft)) return saving
    const snapshot: ComplaintDraft = JSON.parse(JSON.stringify(draft))
    saving = saving.then(() => saveDraft(snapshot)).catch(() => undefined)
    return saving
  }

  function scheduleSave() {
    if (saveTimer) clearTimeout(saveTimer)
    saveTimer = setTimeout(() => void persistNow(), SAVE_DELAY_MS)
  }

  function patchPhoto(photoId: string, change: (photo: DraftPhoto) => void) {
    const draft = get().draft
    if (!draft) return
    const photos = draft.photos.map((p) => {
      if (p.id !== photoId) return p
      const copy = { ...p }
      change(copy)
      return copy
    })
    set({ draft: { ...draft, photos, updatedAt: new Date().toISOString() } })
    void persistNow()
  }

  function setProgress(photoId: string, progress: UploadProgress | null) {
    const uploads = { ...get().uploads }
    if (progress) uploads[photoId] = progress
    else delete uploads[photoId]
    set({ uploads })
  }

  function startUpload(photoId: string) {
    const draft = get().draft
    const photo = draft?.photos.find((p) => p.id === photoId)
    if (!draft || !photo || get().uploads[photoId] || photoState(photo) === 'uploaded') return
    const draftId = draft.id
    const original = photo.original
    setProgress(photoId, { stage: 'preparing', percent: 0, attempt: 1 })
    const stillWanted = () => {
      const current = get().draft?.photos.find((p) => p.id === photoId)
      return get().draft?.id === draftId && current && current.original === original ? current : null
    }
    uploadPhotoFile(photo.file, { original }, (progress) => {
      if (stillWanted()) setProgress(photoId, progress)
    })
      .then((evidence) => {
        setProgress(photoId, null)
        if (stillWanted()) {
          patchPhoto(photoId, (p) => {
            p.evidence = { id: evidence.id, sha256: evidence.sha256, original, uploadedAt: new Date().toISOString() }
            p.error = null
            p.rejected = false
          })
        }
      })
      .catch((error: unknown) => {
        setProgress(photoId, null)
        const failure = describeUploadFailure(error)
        if (stillWanted()) {
          patchPhoto(photoId, (p) => {
            p.error = failure.message
            p.rejected = failure.rejected
          })
        }
        // The switch was flipped while this upload ran: upload the wanted version now.
        else if (get().draft?.id === draftId) startUpload(photoId)
      })
  }

  function resumeUploads() {
    for (const photo of get().draft?.photos ?? []) if (!photo.rejected && photoState(photo) !== 'uploaded') startUpload(photo.id)
  }

  // Deleted from the 投诉 tab while this store still holds it: forget it, or the next save brings it back.
  Taro.eventCenter.on(DRAFT_DELETED_EVENT, (id: string) => {
    if (get().draft?.id !== id) return
    if (saveTimer) clearTimeout(saveTimer)
    saveTimer = null
    set({ draft: null, uploads: {} })
  })

  return {
    draft: null,
    uploads: {},
    filed: null,

    async open({ ownerId, draftId, phone, fromQuestion }) {
      const current = get().draft
      if (current && current.id === draftId && current.ownerId === ownerId) return current
      await persistNow()
      const stored = await loadDraft(ownerId, draftId)
      const now = new Date().toISOString()
      const fresh = newDraft({ id: draftId, idempotencyKey: uuid(), ownerId, phone, now })
      const draft = stored ?? (fromQuestion ? await draftFromQuestion(fresh, await prefillFromQuestion(fromQuestion), now) : fresh)
      // A photo that failed for lack of network gets another chance each time the draft is opened, and
      // one uploaded long ago is sent again before the server forgets it.
      const staleBefore = Date.now() - EVIDENCE_KEEP_MS
      draft.photos = draft.photos.map((p) => {
        const stale = p.evidence && !(Date.parse(p.evidence.uploadedAt) > staleBefore)
        return (p.error && !p.rejected) || stale ? { ...p, error: null, evidence: stale ? null : p.evidence } : p
      })
      set({ draft, uploads: {} })
      // Filled from a question: saved at once, so going back and forth never asks the server again.
      if (!stored && fromQuestion) void persistNow()
      resumeUploads()
      return draft
    },

    update(change) {
      const draft = get().draft
      if (!draft) return
      const copy: ComplaintDraft = { ...draft, business: { ...draft.business }, demands: [...draft.demands], photos: [...draft.photos] }
      change(copy)
      copy.updatedAt = new Date().toISOString()
      set({ draft: copy })
      scheduleSave()
    },

    reachStep(step) {
      const draft = get().draft
      if (draft && step > draft.step) get().update((d) => void (d.step = step))
    },

    async addPhotos(picked) {
      for (const item of picked) {
        const draft = get().draft
        if (!draft) return
        const id = uuid()
        const file = await persistPhoto(item.file, id)
        const photo: DraftPhoto = { id, file, bytes: item.bytes, original: false, evidence: null, error: null, rejected: false }
        set({ draft: { ...draft, photos: [...draft.photos, photo], updatedAt: new Date().toISOString() } })
        await persistNow()
        startUpload(id)
      }
    },

    async removePhoto(photoId) {
      const draft = get().draft
      const photo = draft?.photos.find((p) => p.id === photoId)
      if (!draft || !photo) return
      set({ draft: { ...draft, photos: draft.photos.filter((p) => p.id !== photoId), updatedAt: new Date().toISOString() } })
      setProgress(photoId, null)
      await persistNow()
      await discardPhoto(photo.file)
    },

    setOriginal(photoId, original) {
      patchPhoto(photoId, (p) => {
        p.original = original
        p.error = null
        p.rejected = false
      })
      startUpload(photoId)
    },

    retryPhoto(photoId) {
      patchPhoto(photoId, (p) => {
        p.error = null
        p.rejected = false
      })
      startUpload(photoId)
    },

    reuploadAll() {
      const draft = get().draft
      if (!draft) return
      set({ draft: { ...draft, photos: draft.photos.map((p) => ({ ...p, evidence: null, error: null, rejected: false })) } })
      void persistNow()
      resumeUploads()
    },

    flush: persistNow,

    async otherDraftForSameBusiness() {
      const draft = get().draft
      if (!draft) return null
      const key = normalizeBusinessKey(draft.business.name)
      if (!key) return null
      const drafts = await listDrafts(draft.ownerId)
      return drafts.find((d) => d.id !== draft.id && normalizeBusinessKey(d.business.name) === key) ?? null
    },

    async discard(target) {
      const draft = target ?? get().draft
      if (!draft) return
      if (get().draft?.id === draft.id) {
        if (saveTimer) clearTimeout(saveTimer)
        saveTimer = null
        set({ draft: null, uploads: {} })
      }
      await saving
      await deleteDraft(draft)
    },

    async finish(filed) {
      set({ filed })
      await get().discard()
    },
  }
})
