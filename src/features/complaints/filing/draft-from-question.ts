import type { ComplaintPrefill } from '@/contract/lawyer-qa'
import { downloadPhoto } from '@/lib/photo-download'
import { uuid } from '@/lib/uuid'
import type { ComplaintDraft, DraftPhoto } from '../drafts/draft-model'

/**
 * 一键投诉: a new draft filled from a lawyer's answer. The photos are already on the server (copies
 * made for this complaint): each is marked uploaded, and its display copy is kept on the device only
 * to be shown (and sent again should the draft wait past the server's 24 hours).
 */
export async function draftFromQuestion(base: ComplaintDraft, prefill: ComplaintPrefill, now: string): Promise<ComplaintDraft> {
  const photos = await Promise.all(
    prefill.photos.map(async (evidence): Promise<DraftPhoto> => {
      const id = uuid()
      const kept = await downloadPhoto(evidence.displayUrl, id).catch(() => ({ file: '', bytes: evidence.bytes }))
      return {
        id,
        file: kept.file,
        bytes: kept.bytes,
        original: false,
        evidence: { id: evidence.id, sha256: evidence.sha256, original: false, uploadedAt: now },
        error: null,
        rejected: false,
      }
    }),
  )
  return {
    ...base,
    business: { ...base.business, name: prefill.businessName ?? '' },
    description: prefill.facts,
    photos,
    sourceQuestion: { id: prefill.questionId, sessionTitle: prefill.sessionTitle },
  }
}
