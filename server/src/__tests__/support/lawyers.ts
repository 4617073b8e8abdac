import type { TestApp } from './test-app'
import { bearer } from './test-app'
import { signIn, type Person } from './volunteers'

let licences = 0
/** A 17-digit licence number nobody else in this process uses. */
export const freshLicence = () => `1110120${String(++licences).padStart(10, '0')}`

/** A lawyer invited through the real route by `staff`, signed in. */
export async function inviteLawyer(t: TestApp, staff: Person, phone: string, name = '周律师', firm = '浙江某某律师事务所'): Promise<Person> {
  const response = await t.app.inject({ method: 'POST', url: '/api/staff/lawyers', headers: bearer(staff.token), payload: { phone, name, firm, licenceNo: freshLicence() } })
  if (response.statusCode !== 201) throw new Error(`invite lawyer: ${response.statusCode} ${response.body}`)
  return signIn(t, phone)
}

/** A session scheduled through the real route: open from an hour ago for `hours` hours. */
export async function scheduleSession(t: TestApp, staff: Person, lawyers: readonly Person[], number: number, theme = '预付卡退费', hours = 24): Promise<string> {
  const now = t.ctx.now().getTime()
  const payload = { number, theme, startsAt: new Date(now - 3600_000).toISOString(), endsAt: new Date(now + hours * 3600_000).toISOString(), lawyerIds: lawyers.map((l) => l.id) }
  const response = await t.app.inject({ method: 'POST', url: '/api/staff/qa-sessions', headers: bearer(staff.token), payload })
  if (response.statusCode !== 201) throw new Error(`schedule session: ${response.statusCode} ${response.body}`)
  return response.json().id as string
}

export function ask(t: TestApp, who: Person, sessionId: string, text: string, options: { photoIds?: string[]; allowPublish?: boolean } = {}) {
  return t.app.inject({
    method: 'POST',
    url: `/api/qa-sessions/${sessionId}/questions`,
    headers: bearer(who.token),
    payload: { text, photoIds: options.photoIds ?? [], allowPublish: options.allowPublish ?? true },
  })
}

export function answer(t: TestApp, lawyer: Person, questionId: string, body: object = { text: '可以要求商家退回剩余预付款及利息。', citations: ['cpl-53'], nextSteps: ['保留付款凭证和聊天记录'] }) {
  return t.app.inject({ method: 'POST', url: `/api/lawyer/questions/${questionId}/answer`, headers: bearer(lawyer.token), payload: body })
}

export function publish(t: TestApp, staff: Person, questionId: string, question: string, answerText: string) {
  return t.app.inject({ method: 'PUT', url: `/api/staff/qa-questions/${questionId}/publication`, headers: bearer(staff.token), payload: { question, answer: answerText } })
}
