import { sql, type Kysely } from 'kysely'
import { addNumericChecks, dropNumericChecks, type NumericRule } from './2026-12-03T0007-numeric-checks'

// Frozen in time once shipped: add a new migration instead of editing.
// Handling rules as data (issue #16). Every rule set version is immutable: editing one adds the next
// version, so a complaint's recorded version always shows what applied when it was filed. The seed data
// below carries, per rule, the article and the page where its text was checked on 2026-12-03; where the
// official text could not be found the rule says so (verified: false) instead of guessing.

export const RULES: NumericRule[] = [
  ['rule_sets', 'version', 'integer', 1, 2_147_483_647],
  ['users', 'rule_editor', 'integer', 0, 1],
]

const S2019_HEADER = { title: '国家市场监督管理总局令第20号《市场监督管理投诉举报处理暂行办法》（转载，含公布与施行日期）', url: 'http://qichexian.net/zhijian/law/398083.html' }
const S2019_14_21 = { title: '市场监管领域职业投诉举报应对办法之管见（引用暂行办法第十四条、第二十一条原文）', url: 'https://xiezuofangchengshi.com/doc/62764.html' }
const S2019_15 = { title: '揭阳市市场监督管理局 拨打12315 消费者投诉须知（载暂行办法不予受理的六项情形）', url: 'http://wxshb.com/jyamr/12315/content/post_408939.html' }
const S2019_15_HEAD = { title: '节录暂行办法第十五条（条首与第三至五项）', url: 'https://www.shdbkk.com/html_3/nongzi/23748/list/4.html' }
const S2019_16_17 = { title: '市场监管部门处理消费者投诉办法（引用暂行办法第十六条、第十七条）', url: 'https://66.wendadaohang.com/zd/vni2DsUv22iDixUpxv.html' }
const S2026_TEXT = { title: '市场监督管理投诉举报处理办法（2025年12月30日国家市场监督管理总局令第121号公布 自2026年4月15日起施行）转载；检索结果只含第一至七条', url: 'https://www.googgg.com/product/2974.html' }
const S2026_NEWS = { title: '参考消息网 2026-01-12 转中新网：市场监管总局修订发布《市场监督管理投诉举报处理办法》', url: 'https://us.usy7.cc/usy0111hvdrM.html' }
const S_ASSOCIATION = { title: '投诉不予受理范围（华律网整理的消费者协会受理规则）', url: 'https://m.lazy-phones.com/laws/44386.aspx' }
const S_PLATFORM = { title: '维权通在线消费纠纷解决（ODR）企业加入约定', url: null }

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

const GROUNDS_2019 = [
  ['outside_jurisdiction', '投诉事项不属于市场监督管理部门职责，或者本行政机关不具有处理权限', '第十五条第（一）项'],
  ['already_handled', '法院、仲裁机构、市场监督管理部门或者其他行政机关、消费者协会或者依法成立的其他调解组织已经受理或者处理过同一消费者权益争议', '第十五条第（二）项'],
  ['not_consumer_use', '不是为生活消费需要购买、使用商品或者接受服务，或者不能证明与被投诉人之间存在消费者权益争议', '第十五条第（三）项'],
  ['over_three_years', '除法律另有规定外，投诉人知道或者应当知道自己的权益受到被投诉人侵害之日起超过三年', '第十五条第（四）项'],
  ['missing_facts', '未提供本办法第九条第一款和第十条规定的材料（投诉人和被投诉人信息、具体的投诉请求以及消费者权益争议事实）', '第十五条第（五）项'],
  ['other_legal_ground', '法律、法规、规章规定不予受理的其他情形', '第十五条第（六）项'],
] as const

const samr2019 = {
  steps: {
    enterprise_response: ODR_STEP,
    review: {
      days: 7,
      dayKind: 'working',
      from: '收到投诉之日',
      sentence: '消协将在 {days} 个工作日内决定是否受理',
      article: '第十四条',
      quote: '应当自收到投诉之日起七个工作日内作出受理或者不予受理的决定，并告知投诉人',
      verified: true,
      note: '条文经第三方页面引用核对，非官方发布页',
      source: S2019_14_21,
    },
    mediation: {
      days: 45,
      dayKind: 'working',
      from: '投诉受理之日',
      sentence: '消协已受理，将在 {days} 个工作日内组织调解',
      article: '第二十一条',
      quote: '自投诉受理之日起四十五个工作日内投诉人和被投诉人未能达成调解协议的（终止调解）',
      verified: true,
      note: '条文经第三方页面引用核对，非官方发布页',
      source: S2019_14_21,
    },
  },
  refusalGrounds: [
    ...GROUNDS_2019.map(([code, text, article]) => ({
      code,
      text,
      article,
      quote: null,
      verified: true,
      note: '六项情形原文见揭阳市市场监管局须知，条首“第十五条 投诉有下列情形之一的，市场监督管理部门不予受理”见节录页',
      source: code === 'other_legal_ground' || code === 'outside_jurisdiction' || code === 'already_handled' ? S2019_15 : S2019_15_HEAD,
    })),
    {
      code: 'unauthorized_proxy',
      text: '代为投诉但未取得消费者授权（未提供第十条规定的材料）',
      article: '第十五条第（五）项',
      quote: null,
      verified: false,
      note: '第十五条第（五）项已核实；第十条（代为投诉的材料）原文未能查到',
      source: S2019_15,
    },
  ],
  mediationEndGrounds: [
    { text: '自投诉受理之日起四十五个工作日内投诉人和被投诉人未能达成调解协议', article: '第二十一条', quote: '自投诉受理之日起四十五个工作日内投诉人和被投诉人未能达成调解协议的', verified: true, note: null, source: S2019_14_21 },
  ],
  afterHandling: [
    { text: '终止调解的，自作出终止调解决定之日起七个工作日内告知投诉人和被投诉人', article: '第二十一条', quote: '终止调解的，市场监督管理部门应当自作出终止调解决定之日起七个工作日内告知投诉人和被投诉人', verified: true, note: null, source: S2019_14_21 },
  ],
  otherProvisions: [
    { text: '经投诉人和被投诉人同意，采用调解的方式处理投诉；鼓励双方平等协商，自行和解', article: '第十六条', quote: '市场监督管理部门经投诉人和被投诉人同意，采用调解的方式处理投诉', verified: true, note: null, source: S2019_16_17 },
    { text: '可以委托消费者协会或者依法成立的其他调解组织等单位代为调解', article: '第十七条', quote: '市场监督管理部门可以委托消费者协会或者依法成立的其他调解组织等单位代为调解', verified: true, note: null, source: S2019_16_17 },
    { text: '需要检测、鉴定的，其期间是否计入调解期限', article: null, quote: null, verified: false, note: '未能检索到暂行办法中关于检测、鉴定期间的条文，本平台暂不停表', source: S2019_HEADER },
  ],
}

const UNVERIFIED_2026 = '新办法全文只检索到第一至七条，本条未能核对原文'
const samr2026 = {
  steps: {
    enterprise_response: ODR_STEP,
    review: {
      ...samr2019.steps.review,
      article: null,
      quote: null,
      verified: false,
      note: `${UNVERIFIED_2026}；暂沿用暂行办法第十四条的七个工作日，须核实后更新`,
      source: S2026_TEXT,
    },
    mediation: {
      ...samr2019.steps.mediation,
      article: null,
      quote: null,
      verified: false,
      note: `新闻稿称新办法修改了调解期限，但未能查到新条文；暂沿用暂行办法第二十一条的四十五个工作日，须核实后更新`,
      source: S2026_NEWS,
    },
  },
  refusalGrounds: [...GROUNDS_2019.map(([code, text]) => [code, text] as const), ['unauthorized_proxy', '代为投诉但未取得消费者授权'] as const].map(([code, text]) => ({
    code,
    text,
    article: null,
    quote: null,
    verified: false,
    note: `${UNVERIFIED_2026}；按暂行办法第十五条列出，待核实`,
    source: S2026_TEXT,
  })),
  mediationEndGrounds: [
    { text: '在调解期限内投诉人和被投诉人未能达成调解协议', article: null, quote: null, verified: false, note: '新闻稿称调解期限及调解的救济已修改，条文未能查到', source: S2026_NEWS },
  ],
  afterHandling: [
    { text: '投诉处理后进行回访，了解处理效果', article: null, quote: '新增投诉处理的回访问效要求', verified: false, note: '新闻稿确认新增回访要求；条款号与具体要求未能查到', source: S2026_NEWS },
  ],
  otherProvisions: [
    { text: '委托调解（增补修改）', article: null, quote: '对投诉不予受理的告知、鉴定检测程序、委托调解、调解期限、调解的救济等作了增补修改', verified: false, note: '新闻稿确认有修改，条文未能查到', source: S2026_NEWS },
    { text: '需要鉴定、检测的，按新办法的鉴定检测程序办理（期间是否停表待核实）', article: null, quote: '鉴定检测程序', verified: false, note: '新闻稿确认有修改，条文未能查到；本平台暂不停表', source: S2026_NEWS },
    { text: '投诉人应当提供真实的身份等信息；不得滥用投诉举报权利牟取不正当利益', article: null, quote: '新增规定不得滥用投诉举报权利，牟取不正当利益，侵害经营者的合法权益；明确投诉人应当提', verified: false, note: '新闻稿节录在此处截断，身份核验的具体要求未能查到', source: S2026_NEWS },
    { text: '重复举报不予处理、并案处理', article: null, quote: '新增规定重复举报的不予处理和并案处理机制', verified: false, note: '新闻稿说的是“举报”；对重复“投诉”是否并案未能查到条文', source: S2026_NEWS },
    { text: '平台内经营者未在平台公示地址或按公示地址无法联系的，由平台经营者住所地处理投诉', article: null, quote: '由平台经营者住所地处理投诉', verified: false, note: '新闻稿确认，条文未能查到', source: S2026_NEWS },
  ],
}

const ASSOCIATION_NOTE = '来源是律师网站整理的消协受理规则，未能查到中国消费者协会或省级消保委发布的原文及条款号'
const associationGround = (code: string, text: string) => ({ code, text, article: null, quote: text, verified: false, note: ASSOCIATION_NOTE, source: S_ASSOCIATION })
const association = {
  steps: {
    enterprise_response: ODR_STEP,
    review: {
      days: 7,
      dayKind: 'working',
      from: '接到投诉之日',
      sentence: '消协将在 {days} 个工作日内决定是否受理',
      article: null,
      quote: '消费者协会在接到投诉后的七个工作日内按规定作出是否受理的决定',
      verified: false,
      note: ASSOCIATION_NOTE,
      source: S_ASSOCIATION,
    },
    mediation: {
      days: 15,
      dayKind: 'working',
      from: '投诉受理之日',
      sentence: '消协已受理，一般将在 {days} 个工作日内进行调解',
      article: null,
      quote: '投诉案件受理后，一般应在十五个工作日内进行调解。案情复杂，情况特殊的，征得双方同意可延长至三个月',
      verified: false,
      note: ASSOCIATION_NOTE,
      source: S_ASSOCIATION,
    },
  },
  refusalGrounds: [
    associationGround('no_respondent', '没有明确的被投诉方'),
    associationGround('between_businesses', '经营者之间的争议'),
    associationGround('defect_disclosed', '经营者事前已经向消费者真实地说明商品存在瑕疵等情况'),
    associationGround('settled_and_performed', '争议各方已经达成和解（调解）协议并履行，且无新理由和相关依据'),
    associationGround('no_evidence', '消费者提供不出任何必要证据'),
    associationGround('already_handled', '法院、有关行政部门、仲裁机构已受理、处理'),
    associationGround('designated_authority', '法律、法规明确规定应由指定部门处理'),
    associationGround('outside_consumer_law', '不属于《消费者权益保护法》调整范围的其他情况'),
  ],
  mediationEndGrounds: [
    { text: '案情复杂、情况特殊的，征得双方同意可延长至三个月', article: null, quote: '案情复杂，情况特殊的，征得双方同意可延长至三个月', verified: false, note: ASSOCIATION_NOTE, source: S_ASSOCIATION },
  ],
  afterHandling: [
    { text: '不予受理的，出具不予受理的函件', article: null, quote: '不予受理的，出具不予受理的函件', verified: false, note: ASSOCIATION_NOTE, source: S_ASSOCIATION },
  ],
  otherProvisions: [],
}

const SEEDS = [
  {
    id: 'samr-2019-v1',
    code: 'samr-2019',
    family: 'samr',
    name: '市场监管投诉处理（2019 暂行办法）',
    issuing_body: '国家市场监督管理总局',
    document: '《市场监督管理投诉举报处理暂行办法》',
    document_number: '国家市场监督管理总局令第20号',
    in_force_from: '2020-01-01',
    in_force_to: '2026-04-14',
    content: samr2019,
  },
  {
    id: 'samr-2026-v1',
    code: 'samr-2026',
    family: 'samr',
    name: '市场监管投诉处理（2026 办法）',
    issuing_body: '国家市场监督管理总局',
    document: '《市场监督管理投诉举报处理办法》',
    document_number: '国家市场监督管理总局令第121号',
    in_force_from: '2026-04-15',
    in_force_to: null,
    content: samr2026,
  },
  {
    id: 'association-v1',
    code: 'association',
    family: 'association',
    name: '消费者协会受理投诉规则',
    issuing_body: '消费者协会（未能查到具体发布机构）',
    document: '《消费者协会受理投诉规则》（整理稿）',
    document_number: null,
    in_force_from: null,
    in_force_to: null,
    content: association,
  },
]

/** 2026-04-15 00:00 in China: complaints filed before it were handled under the 2019 measure. */
const SWITCH_OVER = '2026-04-14T16:00:00.000Z'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('rule_sets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('family', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('issuing_body', 'text', (c) => c.notNull())
    .addColumn('document', 'text', (c) => c.notNull())
    .addColumn('document_number', 'text')
    .addColumn('in_force_from', 'text')
    .addColumn('in_force_to', 'text')
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('rule_sets_code_version', ['code', 'version'])
    .execute()
  // Filing looks up the family's newest version in force: read newest first from this index.
  await db.schema.createIndex('rule_sets_in_force').on('rule_sets').columns(['family', 'in_force_from', 'version']).execute()

  await db.schema.alterTable('complaints').addColumn('rule_set_id', 'text', (c) => c.references('rule_sets.id')).execute()
  await db.schema.createIndex('complaints_rule_set').on('complaints').column('rule_set_id').execute()
  await db.schema.alterTable('users').addColumn('rule_editor', 'integer', (c) => c.notNull().defaultTo(0)).execute()
  await addNumericChecks(db, RULES)

  const at = '2026-12-03T00:20:00.000Z'
  for (const seed of SEEDS) {
    await db.insertInto('rule_sets').values({ ...seed, version: 1, content: JSON.stringify(seed.content), created_by: null, created_at: at }).execute()
  }
  // Complaints filed before this migration keep the measure in force on their China filing date.
  await sql`update complaints set rule_set_id = case when created_at < ${SWITCH_OVER} then 'samr-2019-v1' else 'samr-2026-v1' end`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await dropNumericChecks(db, RULES)
  await db.schema.alterTable('users').dropColumn('rule_editor').execute()
  await db.schema.dropIndex('complaints_rule_set').execute()
  await db.schema.alterTable('complaints').dropColumn('rule_set_id').execute()
  await db.schema.dropTable('rule_sets').execute()
}
