/**
 * Published cases (个案公示, issue #19): the consent text, its legal basis and the enterprise's reply
 * window, shared by the app and the server (no TypeBox here: the filing step imports it).
 */

/** Bumped whenever CONSENT_TEXT changes: each answer records the version the consumer read. */
export const CONSENT_TEXT_VERSION = 'pc-consent-v1'

export const CONSENT_TITLE = '同意匿名公示本案（可不选）'
export const CONSENT_TEXT =
  '结案后，消协可以把本案的经过和结果写成匿名案例向社会公示，提醒其他消费者。公示前会去掉您的姓名、电话、证件号、银行卡号和详细地址，商家也可以在公示页面回复。这项同意与投诉本身无关：不同意也照常处理您的投诉。结案时会再问您一次，您随时可以撤回，撤回后立即停止公示。'
export const PHOTOS_CONSENT_TEXT = '也同意公示我上传的照片（工作人员逐张检查，有人脸、证件、单据号码的不公示）'

/** Where the law stands, as data with its citation; `verified` says whether the text was checked against the statute. */
export interface LegalBasis {
  law: string
  article: string
  text: string
  verified: boolean
}

export const PUBLICATION_LEGAL_BASIS: readonly LegalBasis[] = [
  {
    law: '中华人民共和国个人信息保护法',
    article: '第二十五条',
    text: '个人信息处理者不得公开其处理的个人信息，取得个人单独同意的除外。',
    verified: true,
  },
  {
    law: '中华人民共和国个人信息保护法',
    article: '第十五条',
    text: '基于个人同意处理个人信息的，个人有权撤回其同意。',
    verified: false,
  },
]

/**
 * The enterprise's reply window: days after it was told of the proposal before the case may be
 * published. A policy of the association (issue #19 suggests it), not a statutory period.
 */
export const REPLY_WINDOW_DAYS = 15
export const REPLY_WINDOW_NOTE = `商家收到公示通知后有 ${REPLY_WINDOW_DAYS} 天可以回复，期满后才会公示。这是本会的公示规则，不是法定期限。`

export const SUMMARY_MIN = 20
export const SUMMARY_MAX = 2000
export const REPLY_MIN = 5
export const REPLY_MAX = 1000
export const PUBLISHED_PHOTOS_MAX = 9
/** A search term needs at least this many characters (as warnings). */
export const PUBLISHED_SEARCH_MIN = 2

/** The consent stages: at filing, the question asked again when the case ended, and any later change. */
export type ConsentStage = 'filing' | 'closure' | 'change'

export const PUBLICATION_STATUS_LABELS = { proposed: '已告知商家，等待回复期满', published: '已公示', withdrawn: '已撤下' } as const
export type PublicationStatus = keyof typeof PUBLICATION_STATUS_LABELS
export const REPLY_STATUS_LABELS = { pending: '等待消协审核', approved: '已展示', rejected: '未通过审核' } as const
export type ReplyStatus = keyof typeof REPLY_STATUS_LABELS
