import type { Kysely } from 'kysely'
import { addNumericChecks, dropNumericChecks, type NumericRule } from './2026-12-03T0007-numeric-checks'

// Frozen in time once shipped: add a new migration instead of editing.
//
// Where a complaint goes when another body, not the consumer association, can act on it (issue #16
// "Sent to the body that can act"). A table of its own rather than a part of the rule set: hotlines
// and remits are facts about other bodies that change on their own calendar, not the association's
// handling rules, and one list serves every rule set (a destination names the refusal grounds, by
// code, it suits). The case itself keeps what it was told: the refer event stores the destination
// as chosen (name, hotline, website, verified), so a later correction here never rewrites a closed case.
//
// Each hotline and basis below was searched on 2026-12-04 (search tool, corpus `pages`); the pages
// found are reprints and local pages, not the ministries' own, which the notes say.

export const RULES: NumericRule[] = [
  ['referral_destinations', 'position', 'integer', 0, 1000],
  ['referral_destinations', 'verified', 'integer', 0, 1],
]

const JURISDICTION_GROUNDS = ['outside_jurisdiction', 'designated_authority', 'outside_consumer_law']

const SEEDS = [
  {
    code: 'telecom_appeal',
    name: '电信用户申诉受理机构（工业和信息化部电信用户申诉受理中心）',
    scope: '使用电信业务、接受电信服务中与运营商的争议。应先向运营商投诉，对处理结果不满意或运营商 15 日内未答复的，再提出申诉。',
    hotline: '12300',
    website: null,
    industries: ['telecom'],
    refusal_grounds: JURISDICTION_GROUNDS,
    article: '《电信用户申诉处理办法》第九条、第十条',
    quote: '申诉人应当向被申诉人所在省、自治区、直辖市的申诉受理机构提出申诉。被申诉人所在省、自治区、直辖市没有设立申诉受理机构的，申诉人可以向工业和信息化部电信用户申诉受理中心提出申诉。',
    verified: 1,
    note: '条文见转载全文页；申诉条件另见湖北省通信管理局页面 http://hubca.miit.gov.cn/gzcy/dxyhss/index.html；号码 010-12300 见工业和信息化部 2008 年通告的转载页。均非部委官方发布页。',
    source_title: '电信用户申诉处理办法全文（转载，含第九至十四条）',
    source_url: 'https://m.78911.com.cn/ZhengCeGaiGe/595082-2.html',
  },
  {
    code: 'financial_regulator',
    name: '国家金融监督管理总局（银行保险消费投诉）',
    scope: '银行、保险、消费金融、小额贷款等机构的消费纠纷，如理赔拒付、误导销售、收费不透明、催收不当。一般先向该机构投诉。',
    hotline: '12378',
    website: null,
    industries: ['finance'],
    refusal_grounds: JURISDICTION_GROUNDS,
    article: null,
    quote: '国家金融监督管理总局设立全国统一投诉举报电话 12378，对涉及银行、保险、消费金融、小额贷款、担保公司等金融机构的违法违规行为实行统一受理',
    verified: 0,
    note: '电话 12378 见转载页（注明来源为国家金融监督管理总局）；受理依据的规章条文（如《银行业保险业消费投诉处理管理办法》）未能查到相关条款原文。',
    source_title: '12378 国家金融监督管理总局正式投诉渠道（电话举报指南）',
    source_url: 'https://szcga.com/zhengceinfo.asp?ID=1173',
  },
  {
    code: 'tourism_complaints',
    name: '当地文化和旅游部门旅游投诉处理机构',
    scope: '与旅行社、导游、景区等旅游经营者的旅游合同纠纷。旅游合同结束之日起 90 天内投诉。原 12301 旅游服务热线已并入各地 12345。',
    hotline: '12345',
    website: null,
    industries: ['travel'],
    refusal_grounds: JURISDICTION_GROUNDS,
    article: '《旅游投诉处理办法》（国家旅游局令第32号）第五条',
    quote: '旅游投诉由旅游合同签订地或者被投诉人所在地县级以上地方旅游投诉处理机构管辖。',
    verified: 1,
    note: '第五条见律师网站引用；“12345 负责接听旅游市场投诉电话”见四川省文旅厅在线投诉页，12301 并入 12345 另见转载页 https://zhshhuida.com/tips/159801.html。非文化和旅游部官方发布页。',
    source_title: '四川省文化和旅游厅 在线旅游投诉须知（引《旅游投诉处理办法》）',
    source_url: 'https://msg.tsichuan.com/msg/online_complaints.html',
  },
  {
    code: 'transport_12328',
    name: '交通运输服务监督电话（当地交通运输主管部门）',
    scope: '道路运输、公路、水路、出租汽车、公交等交通运输服务的投诉举报。',
    hotline: '12328',
    website: null,
    industries: [],
    refusal_grounds: JURISDICTION_GROUNDS,
    article: null,
    quote: '12328电话作为交通运输行业统一的社会公益性服务监督电话，主要功能包括交通运输行业的服务监督、投诉举报、咨询服务等，业务领域主要覆盖道路运输、公路、水路等行业。',
    verified: 0,
    note: '号码见中国政府网转载的交通运输部消息（2013 年）；未能查到规定受理范围的规章条文。',
    source_title: '中国政府网：全国交通运输服务监督电话12328将陆续开通（来源：交通运输部网站）',
    source_url: 'http://big5.www.gov.cn/gate/big5/www.gov.cn/gzdt/2013-12/31/content_2557510.htm',
  },
  {
    code: 'property_management',
    name: '当地房地产（住房和城乡建设）行政主管部门',
    scope: '物业服务企业的服务质量、收费等物业管理问题。',
    hotline: '12345',
    website: null,
    industries: [],
    refusal_grounds: JURISDICTION_GROUNDS,
    article: '《物业管理条例》第五条第二款',
    quote: '县级以上地方人民政府房地产行政主管部门负责本行政区域内物业管理活动的监督管理工作。',
    verified: 1,
    note: '条文见转载全文页，非国务院官方发布页；电话是当地 12345 政务服务便民热线（由热线转交主管部门），不是物业专线。',
    source_title: '物业管理条例全文（转载）',
    source_url: 'http://m.xindetihuiya.com/news/zcgg/487741.html',
  },
  {
    code: 'education_authority',
    name: '当地教育行政部门（校外培训监管）',
    scope: '校外培训机构无证办学、违规收费、一次性收费超过 3 个月或 60 课时等。培训费退费纠纷也可以继续由消协调解。',
    hotline: '12345',
    website: null,
    industries: [],
    refusal_grounds: JURISDICTION_GROUNDS,
    article: null,
    quote: '家长在遇到此类问题时可向“双减”平台举报，也向当地相关职能部门进行举报。',
    verified: 0,
    note: '只查到教育部新闻发布会的转载稿，未能查到规定教育部门受理此类投诉的条文；电话是当地 12345，不是教育部门专线。',
    source_title: '教育部教育金秋系列新闻发布会：培训机构退费难（转载人民政协网）',
    source_url: 'http://www.shmbjy.org/detail14531.html',
  },
  {
    code: 'government_hotline',
    name: '当地 12345 政务服务便民热线',
    scope: '不确定该由哪个部门受理时：热线按职责转交有关部门办理。',
    hotline: '12345',
    website: null,
    industries: [],
    refusal_grounds: JURISDICTION_GROUNDS,
    article: '《国务院办公厅关于进一步优化地方政务服务便民热线的指导意见》（2021 年）',
    quote: '各地区归并后的热线统一为“12345政务服务便民热线”（以下简称12345热线），提供“7×24小时”全天候人工服务。',
    verified: 1,
    note: '见转载的新华社稿，非国务院官方发布页。',
    source_title: '国务院办公厅印发《关于进一步优化地方政务服务便民热线的指导意见》（转载新华社）',
    source_url: 'http://cnganbu.com/news/view?id=49625',
  },
]

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('referral_destinations')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('hotline', 'text')
    .addColumn('website', 'text')
    // JSON arrays of industry codes and refusal ground codes.
    .addColumn('industries', 'text', (c) => c.notNull())
    .addColumn('refusal_grounds', 'text', (c) => c.notNull())
    .addColumn('article', 'text')
    .addColumn('quote', 'text')
    .addColumn('verified', 'integer', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('source_title', 'text')
    .addColumn('source_url', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  // The list is read in this order (the filing hint and the staff picker).
  await db.schema.createIndex('referral_destinations_position').on('referral_destinations').columns(['position', 'code']).execute()
  await db.schema.alterTable('complaints').addColumn('referred_to', 'text', (c) => c.references('referral_destinations.code')).execute()
  await addNumericChecks(db, RULES)
  const at = '2026-12-04T00:22:00.000Z'
  for (const [position, seed] of SEEDS.entries()) {
    await db
      .insertInto('referral_destinations')
      .values({ ...seed, position, industries: JSON.stringify(seed.industries), refusal_grounds: JSON.stringify(seed.refusal_grounds), created_at: at })
      .execute()
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await dropNumericChecks(db, RULES)
  await db.schema.alterTable('complaints').dropColumn('referred_to').execute()
  await db.schema.dropTable('referral_destinations').execute()
}
