import type { RankingPlace } from '@/contract/credit-index'
import { INDUSTRY_LABELS, type Industry } from '@/contract/complaint-rules'

export const RANKING_PAGE = '/packages/credit/pages/ranking/index'
export const ENTERPRISE_PAGE = '/packages/enterprise-directory/pages/detail/index'

/** '' → 全部行业; a code → its label. */
export const industryText = (industry: string) => (industry ? (INDUSTRY_LABELS[industry as Industry] ?? industry) : '全部行业')

/** "红榜第 2 名（全部企业）", "黑榜第 1 名（网络购物 · 深圳市）". */
export function placeText(place: RankingPlace): string {
  const board = place.board === 'red' ? '红榜' : '黑榜'
  const scope = [place.industry ? industryText(place.industry) : '', place.region].filter(Boolean).join(' · ') || '全部企业'
  return `${board}第 ${place.place} 名（${scope}）`
}
