import { sql, type Kysely } from 'kysely'

// Frozen in time once shipped: add a new migration instead of editing.
// Issue #16, remaining parts: (1) the 2026 measure's articles found on 2026-12-04 become version 2 of
// samr-2026 (version 1 stays as it was: complaints that recorded it keep it); (2) a testing/appraisal
// pause of the case clock; (3) a repeated complaint is merged into the consumer's open one.

/** Where the 2026 words below were read (search tool, 2026-12-04). */
const S2026_FORMS = {
  title: '按《市场监督管理投诉举报处理办法》制作的文书式样（式样六 投诉不予受理决定书转录第十六条七项情形；式样八 投诉终止调解决定书转录第二十三条第一款八项情形），公开代码仓库中的第三方转录，仓库名未能确定',
  url: null,
}
const S2026_OFFICIAL = {
  title: '国家市场监督管理总局 法规发布页《市场监督管理投诉举报处理办法》（多个公开项目引用此地址；页面正文未能检索到）',
  url: 'https://www.samr.gov.cn/zw/zfxxgk/fdzdgknr/fgs/art/2026/art_e4d03a20c0fd49769e408c7bf3791ff5.html',
}
const S2026_DRAFT = {
  title: 'Digital Policy Alert：市场监管总局就《市场监督管理投诉举报处理办法（征求意见稿）》征求意见（2025-08-06 至 2025-09-05）',
  url: 'https://digitalpolicyalert.org/event/32600-state-administration-for-market-regulation-opened-consultation-on-draft-measures-for-handling-market-supervision-and-administration-complaints-and-reports',
}
const S2026_NEWS = { title: '参考消息网 2026-01-12 转中新网：市场监管总局修订发布《市场监督管理投诉举报处理办法》', url: 'https://us.usy7.cc/usy0111hvdrM.html' }
const S_SAIC_2014 = {
  title: '《工商行政管理部门处理消费者投诉办法》第二十九条英译（第三方页面；该办法已被2019暂行办法取代）',
  url: 'https://wodeyuanxiao.com/Educationandtraining/tjgeklzcxu.html',
}
const S_PLATFORM = { title: '维权通在线消费纠纷解决（ODR）企业加入约定', url: null }

const THIRD_PARTY = '条文经第三方转录（文书式样）核对，非官方发布页；官方发布页地址已查到，正文未能检索'
const NOT_FOUND = '新办法此条原文未能检索到'

const ODR_STEP = {
  days: 10,
  dayKind: 'working',
  from: '投诉转交企业之日',
  sentence: '商家将在 {days} 个工作日内答复，逾期未答复将自动转消协处理',
  article: null,
  quote: null,
  verified: false,
  note: '这是本平台与加入在线消费纠纷解决（ODR）的企业的约定，不是法律条文',
  source: S_PLATFORM,
}

const GROUNDS_16 = [
  ['outside_jurisdiction', '投诉事项不属于市场监督管理部门职责，或者本行政机关不具有处理权限的', '（一）'],
  ['already_handled', '法院、仲裁机构、市场监督管理部门或者其他行政机关、消费者协会已经受理或者处理过同一消费者权益争议的', '（二）'],
  ['not_consumer_use', '不是为生活消费需要购买、使用商品或者接受服务，或者不能证明与被投诉人之间存在消费者权益争议的', '（三）'],
  ['over_three_years', '除法律另有规定外，投诉人知道或者应当知道自己的权益受到被投诉人侵害之日起超过三年的', '（四）'],
  ['missing_facts', '未提供本办法第十条第一款、第十一条规定的材料，或者提供虚假材料的', '（五）'],
  ['identity_unverified', '冒用他人名义或者拒不配合市场监督管理部门核验真实身份信息的', '（六）'],
  ['other_legal_ground', '法律、法规、规章规定不予受理的其他情形', '（七）'],
] as const

const END_23 = [
  ['（一）', '投诉人撤回投诉或者双方自行和解的'],
  ['（二）', '投诉人、被投诉人无正当理由不参加调解，或者明确拒绝调解的'],
  ['（三）', '经组织调解，投诉人或者被投诉人明确表示无法达成调解协议的'],
  ['（四）', '投诉人与被投诉人对鉴定、检测费用承担无法协商一致的'],
  ['（五）', '自投诉受理之日起六十日内投诉人和被投诉人未能达成调解协议的'],
  ['（六）', '市场监督管理部门受理投诉后，发现存在本办法第十六条、第四十二条规定情形的'],
  ['（七）', '投诉人、被投诉人死亡或者主体资格灭失的'],
  ['（八）', '法律、法规、规章规定的应当终止调解的其他情形'],
] as const

export const SAMR_2026_V2 = {
  steps: {
    enterprise_response: ODR_STEP,
    review: {
      days: 7,
      dayKind: 'working',
      from: '收到投诉之日',
      sentence: '消协将在 {days} 个工作日内决定是否受理',
      article: null,
      quote: null,
      verified: false,
      note: `${NOT_FOUND}（受理期限）；暂沿用暂行办法第十四条的七个工作日，须核实后更新`,
      source: S2026_OFFICIAL,
    },
    mediation: {
      days: 60,
      dayKind: 'calendar',
      from: '投诉受理之日',
      sentence: '消协已受理，将在 {days} 日内组织调解',
      article: '第二十三条第一款第（五）项',
      quote: '自投诉受理之日起六十日内投诉人和被投诉人未能达成调解协议的（终止调解）',
      verified: true,
      note: `${THIRD_PARTY}。“六十日”未写“工作日”，按自然日计算`,
      source: S2026_FORMS,
    },
  },
  refusalGrounds: [
    ...GROUNDS_16.map(([code, text, item]) => ({ code, text, article: `第十六条第${item}项`, quote: text, verified: true, note: THIRD_PARTY, source: S2026_FORMS })),
    {
      code: 'unauthorized_proxy',
      text: '代为投诉但未取得消费者授权（未提供第十一条规定的材料）',
      article: '第十六条第（五）项',
      quote: null,
      verified: false,
      note: '第十六条第（五）项已核对；第十一条（是否规定代为投诉的材料）原文未能查到',
      source: S2026_FORMS,
    },
  ],
  mediationEndGrounds: END_23.map(([item, text]) => ({ text, article: `第二十三条第一款第${item}项`, quote: text, verified: true, note: THIRD_PARTY, source: S2026_FORMS })),
  afterHandling: [
    { text: '投诉处理后进行回访，了解处理效果', article: null, quote: null, verified: false, note: `${NOT_FOUND}；新闻稿与征求意见稿说明均确认新增回访要求`, source: S2026_DRAFT },
    {
      text: '对终止调解决定、调解结果不服的，可以按照《消费者权益保护法》第三十九条通过民事诉讼、仲裁等其他途径解决',
      article: null,
      quote: '投诉人、被投诉人对市场监督管理部门作出的终止调解决定、调解结果不服的，可以按照《中华人民共和国消费者权益保护法》第三十九条规定，通过民事诉讼、仲裁等其他途径解决消费者权益争议',
      verified: false,
      note: '这句话见于终止调解决定书式样，未能确认是否为办法条文及其条款号',
      source: S2026_FORMS,
    },
  ],
  otherProvisions: [
    { text: '委托消费者协会或者依法成立的其他调解组织等单位代为调解', article: null, quote: null, verified: false, note: `${NOT_FOUND}；征求意见稿说明与新闻稿确认委托调解有修改（投诉登记表式样有“是否同意委托调解”一栏）`, source: S2026_DRAFT },
    { text: '投诉人与被投诉人对鉴定、检测费用承担无法协商一致的，终止调解', article: '第二十三条第一款第（四）项', quote: '投诉人与被投诉人对鉴定、检测费用承担无法协商一致的', verified: true, note: THIRD_PARTY, source: S2026_FORMS },
    { text: '投诉人应当提供真实身份信息；拒不配合核验的不予受理', article: '第十六条第（六）项', quote: '冒用他人名义或者拒不配合市场监督管理部门核验真实身份信息的', verified: true, note: THIRD_PARTY, source: S2026_FORMS },
    { text: '平台内经营者未在平台公示地址或按公示地址无法联系的，由平台经营者住所地处理投诉', article: null, quote: '由平台经营者住所地处理投诉', verified: false, note: '新闻稿确认，条文未能查到', source: S2026_NEWS },
  ],
  testingPause: {
    excluded: true,
    text: '需要检测、鉴定的，检测、鉴定期间暂停计时，结束后期限顺延',
    article: null,
    quote: null,
    verified: false,
    note:
      '新办法与2019暂行办法中关于检测、鉴定期间是否计入调解期限的条文均未能检索到（新办法只查到第二十三条第一款第（四）项鉴定、检测费用一项）。本平台暂按已被取代的《工商行政管理部门处理消费者投诉办法》第二十九条“鉴定或者检测的时间不计算在内”的做法停表，须核实后更新',
    source: S_SAIC_2014,
  },
  repeatComplaints: {
    text: '同一消费者就同一商家、同一消费争议在原投诉处理期间再次投诉的，补充到原投诉，不另立案',
    article: null,
    quote: null,
    verified: false,
    note: '新闻稿与征求意见稿说明只确认新增“重复举报”的不予处理和并案处理机制；对重复“投诉”的条文未能查到。本平台合并是为了不重复处理同一争议，不是不予受理',
    source: S2026_DRAFT,
  },
}

const V1_ID = 'samr-2026-v1'
export const V2_ID = 'samr-2026-v2'

export async function up(db: Kysely<any>): Promise<void> {
  const v1 = await db.selectFrom('rule_sets').selectAll().where('id', '=', V1_ID).executeTakeFirst()
  // A staff editor may already have published version 2 (or later) in a running deployment: ours is the next.
  const latest = await db.selectFrom('rule_sets').select((eb) => eb.fn.max('version').as('v')).where('code', '=', 'samr-2026').executeTakeFirst()
  if (v1) {
    await db
      .insertInto('rule_sets')
      .values({
        id: V2_ID,
        code: 'samr-2026',
        version: Number(latest?.v ?? 1) + 1,
        family: 'samr',
        name: v1.name,
        issuing_body: v1.issuing_body,
        document: v1.document,
        document_number: v1.document_number,
        in_force_from: v1.in_force_from,
        in_force_to: v1.in_force_to,
        content: JSON.stringify(SAMR_2026_V2),
        created_by: null,
        created_at: '2026-12-04T00:23:00.000Z',
      })
      .execute()
  }

  await db.schema
    .alterTable('complaints')
    .addColumn('clock_paused_at', 'text')
    .execute()
  await db.schema.alterTable('complaints').addColumn('clock_paused_reason', 'text').execute()
  // While a complaint is open: who filed it, about which business, which incident and amount. Cleared
  // when it ends, so the partial unique index lets one open case per repeat and two racing filings
  // cannot both become cases.
  await db.schema.alterTable('complaints').addColumn('repeat_key', 'text').execute()
  await db.schema
    .createIndex('complaints_open_repeat')
    .on('complaints')
    .columns(['consumer_id', 'repeat_key'])
    .unique()
    .where(sql.ref('repeat_key'), 'is not', null)
    .execute()

  // A merged filing keeps its idempotency key, so a retry answers with the same merge and adds nothing.
  await db.schema
    .createTable('complaint_merges')
    .addColumn('consumer_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('idempotency_key', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('complaint_id', 'text', (c) => c.notNull().references('complaints.id'))
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('complaint_merges_pk', ['consumer_id', 'idempotency_key'])
    .execute()
  await db.schema.createIndex('complaint_merges_complaint').on('complaint_merges').column('complaint_id').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('complaint_merges').execute()
  await db.schema.dropIndex('complaints_open_repeat').execute()
  await db.schema.alterTable('complaints').dropColumn('repeat_key').execute()
  await db.schema.alterTable('complaints').dropColumn('clock_paused_reason').execute()
  await db.schema.alterTable('complaints').dropColumn('clock_paused_at').execute()
  await db.deleteFrom('rule_sets').where('id', '=', V2_ID).execute()
}
