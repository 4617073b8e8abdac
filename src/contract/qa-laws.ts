/**
 * The laws a lawyer can cite in an answer (律师答疑), as data with their source. `verified`: the
 * article text was checked against a published copy (the `source` where it was read); an unverified
 * one is shown with 「条文待核实」 until someone checks it.
 */
export interface QaLaw {
  code: string
  law: string
  article: string
  /** The article's rule in a sentence, as shown to consumers. */
  gist: string
  verified: boolean
  source: string
  note?: string
}

export const QA_LAWS: readonly QaLaw[] = [
  {
    code: 'cpl-24',
    law: '《中华人民共和国消费者权益保护法》',
    article: '第二十四条',
    gist: '商品或者服务不符合质量要求的，可以依照国家规定、当事人约定退货，或者要求经营者履行更换、修理等义务；没有规定和约定的，自收到商品之日起七日内可以退货。',
    verified: true,
    source: 'https://www.51dongshi.net/wzztf/rrasr/rrasrshvb（转载条文，2026-12-04 核对）',
  },
  {
    code: 'cpl-25',
    law: '《中华人民共和国消费者权益保护法》',
    article: '第二十五条',
    gist: '经营者采用网络、电视、电话、邮购等方式销售商品，消费者有权自收到商品之日起七日内退货，且无需说明理由（定作、鲜活易腐等商品除外）。',
    verified: true,
    source: 'http://uianet.net/dictionary/b7840079.html（转载条文，2026-12-04 核对）',
  },
  {
    code: 'cpl-53',
    law: '《中华人民共和国消费者权益保护法》',
    article: '第五十三条',
    gist: '经营者以预收款方式提供商品或者服务的，应当按照约定提供；未按照约定提供的，应当按照消费者的要求履行约定或者退回预付款，并承担预付款的利息、消费者必须支付的合理费用。',
    verified: true,
    source: 'https://www.panan.gov.cn/art/2024/2/2/art_1229170000_59352612.html（磐安县人民政府，2026-12-04 核对）',
  },
  {
    code: 'cpl-55',
    law: '《中华人民共和国消费者权益保护法》',
    article: '第五十五条',
    gist: '经营者提供商品或者服务有欺诈行为的，应当按照消费者的要求增加赔偿其受到的损失，增加赔偿的金额为价款或者费用的三倍；不足五百元的，为五百元。',
    verified: true,
    source: 'http://m.yuekan.yzbytv.com/gundong/2022/1215/10032.html（转载条文，2026-12-04 核对）',
  },
  {
    code: 'fsl-148',
    law: '《中华人民共和国食品安全法》',
    article: '第一百四十八条',
    gist: '生产不符合食品安全标准的食品或者经营明知是不符合食品安全标准的食品，消费者除要求赔偿损失外，还可以要求支付价款十倍或者损失三倍的赔偿金；不足一千元的，为一千元。',
    verified: false,
    source: '',
    note: '条文未用检索工具核对原文，发布前请工作人员核实',
  },
]

export const QA_LAW_CODES = QA_LAWS.map((law) => law.code)

export function qaLaw(code: string): QaLaw | undefined {
  return QA_LAWS.find((law) => law.code === code)
}
