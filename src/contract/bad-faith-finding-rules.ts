/**
 * Bad-faith findings (失信惩戒认定): the bases an association may cite, the appeal window and the
 * words of each state, as plain data (the app bundles this file; the schemas are in bad-faith-finding.ts).
 * `verified`: the text was checked against a published copy (`source`); an unverified one is shown
 * with 「依据待核实」 until someone checks it.
 */
export interface FindingBasis {
  code: string
  document: string
  /** Null when the document is not divided into articles or the article number was not checked. */
  article: string | null
  /** What the basis says, as quoted or summarised. */
  text: string
  verified: boolean
  source: string
}

export const FINDING_BASES: readonly FindingBasis[] = [
  {
    code: 'cpl-37-expose',
    document: '《中华人民共和国消费者权益保护法》',
    article: '第三十七条',
    text: '消费者协会履行公益性职责：对损害消费者合法权益的行为，通过大众传播媒介予以揭露、批评。',
    verified: true,
    source: '杭州网 2019-01-30《新闻舆论监督可大显身手》引述第三十七条该项原文（2026-12-05 核对；项序号未核对）',
  },
  {
    code: 'cpl-37-report',
    document: '《中华人民共和国消费者权益保护法》',
    article: '第三十七条',
    text: '消费者协会履行公益性职责：就有关消费者合法权益的问题，向有关部门反映、查询，提出建议。',
    verified: false,
    source: '未找到可核对的原文，依据待核实',
  },
  {
    code: 'cca-2019-credit',
    document: '中国消费者协会 2019 年“信用让消费更放心”年主题宣传提纲',
    article: null,
    text: '鼓励消费者投诉举报失信经营者，探索建立投诉举报公示制度，设立失信企业黄黑榜。',
    verified: true,
    source: '杭州网 2019-01-30《新闻舆论监督可大显身手》转述宣传提纲关键词（2026-12-05 核对）',
  },
  {
    code: 'samr-serious-list',
    document: '《市场监督管理严重违法失信名单管理办法》（国家市场监督管理总局令第44号）',
    article: null,
    text: '经营者已被市场监管部门列入严重违法失信名单的，消协据其列入决定公示（消协本身不作行政处罚）。',
    verified: false,
    source: '仅核对了办法名称与令号（北京市市场监管部门转发文件）；条文内容待核实',
  },
]

export function findingBasis(code: string): FindingBasis | undefined {
  return FINDING_BASES.find((basis) => basis.code === code)
}

/** 依据《…》第三十七条：… （依据待核实 when the text was not checked). */
export function findingBasisLine(basis: FindingBasis): string {
  return `依据${basis.document}${basis.article ?? ''}：${basis.text}${basis.verified ? '' : '（依据待核实）'}`
}

/**
 * How long the enterprise has to answer a proposal. This is the association's own procedure (the
 * issue's design, not a statute): shown as such.
 */
export const FINDING_APPEAL_WINDOW = { days: 10, dayKind: 'working' as const, verified: false, source: '本会失信认定程序（本应用的设定，并非法律规定）' }

/** 「N 个工作日」 from the data above, never written out by hand. */
export function appealWindowText(window: { days: number; dayKind: 'working' | 'calendar' } = FINDING_APPEAL_WINDOW): string {
  return `${window.days} 个${window.dayKind === 'working' ? '工作日' : '自然日'}`
}

export const FINDING_MONTHS_MIN = 1
export const FINDING_MONTHS_MAX = 36
export const FINDING_FACTS_MIN = 10
export const FINDING_FACTS_MAX = 3000
export const FINDING_APPEAL_MIN = 5
export const FINDING_APPEAL_MAX = 3000
export const FINDING_REASONS_MIN = 10
export const FINDING_REASONS_MAX = 2000
export const FINDING_PHOTOS_MAX = 9
export const FINDING_CASES_MAX = 50

export const FindingStatus = { AppealOpen: 'appeal_open', Published: 'published', Rejected: 'rejected', Lifted: 'lifted' } as const
export type FindingStatus = (typeof FindingStatus)[keyof typeof FindingStatus]

/** What a person sees: the stored status, with 待决定 and 已到期 worked out from the clock. */
export const FindingState = {
  AppealOpen: 'appeal_open',
  AwaitingDecision: 'awaiting_decision',
  Published: 'published',
  Expired: 'expired',
  Rejected: 'rejected',
  Lifted: 'lifted',
} as const
export type FindingState = (typeof FindingState)[keyof typeof FindingState]

export const FINDING_STATE_LABELS: Record<FindingState, string> = {
  appeal_open: '申辩期内',
  awaiting_decision: '待复核决定',
  published: '已认定并公示',
  expired: '公示期满',
  rejected: '不予认定',
  lifted: '已提前撤销',
}

export const FindingOutcome = { Publish: 'publish', Reject: 'reject' } as const
export type FindingOutcome = (typeof FindingOutcome)[keyof typeof FindingOutcome]
