import { randomUUID } from 'node:crypto'
import type { Db } from '../db/database'
import { syncQaTerms } from '../modules/lawyers/qa-search'
import { findOrganizationByName } from '../modules/organizations/organizations.repository'
import { findOrCreateUserByPhone, findUserByPhone } from '../modules/users/user.repository'

/** The demo lawyer (律师团 of the province association), printed by `npm start` like the other demo logins. */
export const DEMO_LAWYER = { phone: '13800000018', displayName: '黄律师', firm: '浙江示例律师事务所', licenceNo: '13301201610000001', organization: '示例省消费者协会' }
/** The fictional consumer of the demo figures asks the demo session's questions (no one's real inbox). */
const DEMO_ASKER = '13800000099'
const DEMO_SCHEDULER = '13800000011'
/** 王阿姨 asked privately in 第96期 and the lawyer suggested a complaint: she sees 一键投诉 in 我的提问. */
const DEMO_CONSUMER = '13800000001'
const PRIVATE_QUESTION = {
  business: '示例阳光游泳馆',
  question: '孙子在游泳馆报了 2600 元的暑期班，上了两节课就说教练走了要停课，只肯退一半，剩下的钱能全退吗？',
  answer: '经营者以预收款方式提供服务，未按约定提供的，应当按照消费者的要求退回预付款并承担利息。游泳馆停课属于未按约定提供服务，可以要求退回未上课部分的全部费用，而不是只退一半。',
  citations: ['cpl-53'],
  nextSteps: ['保存报名收据和停课通知', '先书面要求退款，不同意就投诉'],
}

const PUBLISHED = [
  {
    question: '在小区门口的健身房办了 3000 元的年卡，才用了两个月店就关门了，老板电话 ***********（已隐去）打不通，钱还能要回来吗？',
    answer: '经营者以预收款方式提供服务，未按照约定提供的，应当按照消费者的要求退回预付款，并承担预付款的利息和必要的合理费用。请保存好会员卡、付款记录和与店家的聊天记录，先向店家书面要求退款；联系不上的，可以向当地消协投诉或向市场监管部门举报。',
    citations: ['cpl-53'],
    nextSteps: ['保存会员卡、付款记录和聊天记录', '向消协投诉，写明办卡日期和剩余次数'],
  },
  {
    question: '在直播间买的羊毛衫收到后发现不是羊毛的，商家说拆了吊牌不能退，我该怎么办？',
    answer: '网购商品，消费者有权自收到商品之日起七日内无理由退货，吊牌拆除不影响商品完好时不能据此拒绝；宣传是羊毛而实际不是，可能构成欺诈，可以要求退货并按价款三倍增加赔偿，不足五百元的按五百元。',
    citations: ['cpl-25', 'cpl-55'],
    nextSteps: ['截图保存直播间的宣传内容', '保留商品和快递包装，必要时送检'],
  },
]

/**
 * The demo lawyer team and 第96期 (ended a week ago) with two published answers, so the public
 * archive and its search have something to show. Idempotent: an existing session 96 is left alone.
 */
export async function seedDemoLawyers(db: Db, now: Date): Promise<void> {
  const organization = await findOrganizationByName(db, DEMO_LAWYER.organization)
  const scheduler = await findUserByPhone(db, DEMO_SCHEDULER)
  if (!organization || !scheduler) return
  const at = now.toISOString()
  const lawyer = await findOrCreateUserByPhone(db, DEMO_LAWYER.phone, DEMO_LAWYER.displayName)
  const asker = await findOrCreateUserByPhone(db, DEMO_ASKER)
  const consumer = await findUserByPhone(db, DEMO_CONSUMER)
  await db.transaction().execute(async (trx) => {
    const member = await trx.selectFrom('lawyer_memberships').select('user_id').where('user_id', '=', lawyer.id).executeTakeFirst()
    if (!member) {
      await trx
        .insertInto('lawyer_memberships')
        .values({ user_id: lawyer.id, organization_id: organization.id, firm: DEMO_LAWYER.firm, licence_no: DEMO_LAWYER.licenceNo, status: 'active', invited_by: scheduler.id, created_at: at, updated_at: at })
        .execute()
    }
    const existing = await trx.selectFrom('qa_sessions').select('id').where('organization_id', '=', organization.id).where('number', '=', 96).executeTakeFirst()
    if (existing) return
    const day = 86_400_000
    const startsAt = new Date(now.getTime() - 7 * day)
    const session = {
      id: randomUUID(),
      organization_id: organization.id,
      organization_path: organization.path,
      number: 96,
      theme: '预付式消费和网购退货',
      starts_at: startsAt.toISOString(),
      ends_at: new Date(startsAt.getTime() + 2 * 3600_000).toISOString(),
      created_by: scheduler.id,
      question_count: PUBLISHED.length + (consumer ? 1 : 0),
      answer_count: PUBLISHED.length + (consumer ? 1 : 0),
      published_count: PUBLISHED.length,
      view_count: 128,
      version: 0,
      created_at: at,
    }
    await trx.insertInto('qa_sessions').values(session).execute()
    await trx.insertInto('qa_session_lawyers').values({ session_id: session.id, lawyer_id: lawyer.id }).execute()
    for (const [index, item] of PUBLISHED.entries()) {
      const askedAt = new Date(startsAt.getTime() + (index + 1) * 600_000).toISOString()
      const answeredAt = new Date(startsAt.getTime() + (index + 1) * 1_800_000).toISOString()
      const row = {
        id: randomUUID(),
        session_id: session.id,
        asker_id: asker.id,
        text: item.question,
        allow_publish: 1,
        status: 'answered' as const,
        answer_text: item.answer,
        answer_citations: JSON.stringify(item.citations),
        answer_next_steps: JSON.stringify(item.nextSteps),
        answered_by: lawyer.id,
        answered_at: answeredAt,
        published_question: item.question,
        published_answer: item.answer,
        published_at: new Date(startsAt.getTime() + day + index * 60_000).toISOString(),
        created_at: askedAt,
        updated_at: at,
      }
      await trx.insertInto('qa_questions').values(row).execute()
      await syncQaTerms(trx, row)
    }
    if (consumer) {
      await trx
        .insertInto('qa_questions')
        .values({
          id: randomUUID(),
          session_id: session.id,
          asker_id: consumer.id,
          text: PRIVATE_QUESTION.question,
          business_name: PRIVATE_QUESTION.business,
          allow_publish: 0,
          status: 'answered',
          answer_text: PRIVATE_QUESTION.answer,
          answer_citations: JSON.stringify(PRIVATE_QUESTION.citations),
          answer_next_steps: JSON.stringify(PRIVATE_QUESTION.nextSteps),
          answer_actions: JSON.stringify([{ kind: 'complaint' }]),
          answered_by: lawyer.id,
          answered_at: new Date(startsAt.getTime() + 5_400_000).toISOString(),
          created_at: new Date(startsAt.getTime() + 1_800_000).toISOString(),
          updated_at: at,
        })
        .execute()
    }
  })
}
