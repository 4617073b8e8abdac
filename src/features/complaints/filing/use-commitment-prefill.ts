import { useEffect, useState } from 'react'
import { errorMessage } from '@/lib/http'
import { getReturnCommitment } from '../api/get-return-commitment'
import type { ComplaintDraft } from '../drafts/draft-model'
import { useFilingStore } from './use-filing-store'

/** What a refused return is about, prefilled as the demand and its detail. */
export const REFUSED_RETURN_DETAIL = '门店承诺线下无理由退货，但拒绝为我办理退货'

/**
 * 一键投诉 (the store page opens step 1 with `commitment=<id>`): once, on a fresh draft, fills in the business,
 * the store, its category and the ground (退货), and attaches the commitment with its terms.
 */
export function useCommitmentPrefill(draft: ComplaintDraft | null, commitmentId: string | undefined): string | null {
  const update = useFilingStore((s) => s.update)
  const [problem, setProblem] = useState<string | null>(null)
  const pending = !!draft && !!commitmentId && draft.returnCommitment === undefined
  useEffect(() => {
    if (!pending || !commitmentId) return
    let live = true
    getReturnCommitment(commitmentId).then(
      (store) => {
        if (!live) return
        if (store.status !== 'active') return setProblem('这家门店的无理由退货承诺已被撤销，仍可以按普通投诉填写')
        update((d) => {
          d.business = { name: store.enterpriseName, region: store.region, address: store.storeAddress, creditCode: '', enterpriseId: store.enterpriseId, enterpriseOdr: store.enterpriseOdr }
          // The association judges the refusal against the signed terms (the green channel stays a choice).
          d.path = 'association'
          d.industry = store.industry
          d.demands = ['return']
          d.demandDetail = REFUSED_RETURN_DETAIL
          d.returnCommitment = { id: store.id, enterpriseName: store.enterpriseName, storeName: store.storeName, storeAddress: store.storeAddress, terms: store.terms }
        })
      },
      (error: unknown) => live && setProblem(errorMessage(error)),
    )
    return () => {
      live = false
    }
  }, [pending, commitmentId, update])
  return problem
}
