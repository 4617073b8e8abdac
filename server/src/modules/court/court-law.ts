/**
 * The law the court hand-off documents cite, as data: each citation with the text it relies on, where
 * that text was checked, and whether the article number was verified for the version named.
 */
export interface Citation {
  law: string
  article: string
  text: string
  source: string
  verified: boolean
  note: string | null
}

/** 支持诉讼函: the association's function of supporting a consumer's lawsuit. */
export const SUPPORT_LITIGATION: Citation = {
  law: '《中华人民共和国消费者权益保护法》（2013 年修正）',
  article: '第三十七条第一款第（七）项',
  text: '消费者协会履行下列公益性职责：……（七）就损害消费者合法权益的行为，支持受损害的消费者提起诉讼或者依照本法提起诉讼',
  source: 'https://m.110ask.com/zhishi/18358634601848188611.html（转载的 2013 年修正本第三十七条全文）',
  verified: true,
  note: null,
}

/** 司法确认: who applies, to which court, within what time; and what the court's ruling does. */
export const JUDICIAL_CONFIRMATION: Citation[] = [
  {
    law: '《中华人民共和国民事诉讼法》第十五章第六节“确认调解协议案件”',
    article: '2021 年修正本第二百零一条',
    text:
      '经依法设立的调解组织调解达成调解协议，申请司法确认的，由双方当事人自调解协议生效之日起三十日内，共同向下列人民法院提出：（一）人民法院邀请调解组织开展先行调解的，向作出邀请的人民法院提出；（二）调解组织自行开展调解的，向当事人住所地、标的物所在地、调解组织所在地的基层人民法院提出；调解协议所涉纠纷应当由中级人民法院管辖的，向相应的中级人民法院提出。',
    source: 'https://m.51dongshi.net/eedfrvadeegee.html（引用的 2021 年修正本条文）',
    verified: true,
    note: '2023 年修正后本条的条号（常说的第二百零五条）没能用检索核实，这里按已核实的 2021 年修正本条号引用，条号和条文以官方文本为准',
  },
  {
    law: '《中华人民共和国民事诉讼法》第十五章第六节“确认调解协议案件”',
    article: '2021 年修正本第二百零二条',
    text:
      '人民法院受理申请后，经审查，符合法律规定的，裁定调解协议有效，一方当事人拒绝履行或者未全部履行的，对方当事人可以向人民法院申请执行；不符合法律规定的，裁定驳回申请，当事人可以通过调解方式变更原调解协议或者达成新的调解协议，也可以向人民法院提起诉讼。',
    source: 'https://m.51dongshi.net/eedfrvadeegee.html（引用的 2021 年修正本条文）',
    verified: true,
    note: '2023 年修正后本条的条号（常说的第二百零六条）没能用检索核实，条号和条文以官方文本为准',
  },
]

/** Days from the agreement taking effect within which both parties apply (the article above). */
export const CONFIRMATION_APPLY_DAYS = 30

export const citationLine = (c: Citation) => `${c.law}${c.article}`
