import type { AgreementDraft } from '../../../../src/contract/mediation-agreement'
import { fileComplaint } from './complaints'
import { bearer, type TestApp } from './test-app'
import { act } from './workflow'

export const DRAFT: AgreementDraft = {
  facts: '申请人于 2026 年 11 月在被申请人处办理预付卡，充值 2000 元；门店停业后余额 1999 元无法使用。',
  terms: { amountFen: 199_900, remedy: '为申请人办理退卡手续。', dueDate: '2030-01-10', method: '原路退回至申请人付款账户' },
  otherTerms: '',
}

/** An association-path complaint naming the enterprise, accepted and in mediation by `staffToken`. */
export async function mediatingCase(t: TestApp, consumerToken: string, staffToken: string, enterpriseId: string): Promise<string> {
  const { id } = await fileComplaint(t, consumerToken, { business: { name: '示例优选超市有限公司', enterpriseId }, path: 'association' })
  for (const action of ['accept', 'start_mediation']) {
    const response = await act(t, staffToken, id, action)
    if (response.statusCode !== 200) throw new Error(`${action}: ${response.body}`)
  }
  return id
}

export const agreementApi = (t: TestApp, id: string) => ({
  get: (token: string) => t.app.inject({ method: 'GET', url: `/api/complaints/${id}/agreement`, headers: bearer(token) }),
  draft: (token: string, draft: object = DRAFT) => t.app.inject({ method: 'POST', url: `/api/staff/complaints/${id}/agreement`, headers: bearer(token), payload: draft }),
  edit: (token: string, baseVersion: number, draft: object) =>
    t.app.inject({ method: 'PUT', url: `/api/staff/complaints/${id}/agreement`, headers: bearer(token), payload: { baseVersion, draft } }),
  code: (token: string, textSha256: string, ip = '10.9.0.1') =>
    t.app.inject({ method: 'POST', url: `/api/complaints/${id}/agreement/signing-code`, headers: bearer(token), payload: { textSha256 }, remoteAddress: ip }),
  sign: (token: string, textSha256: string, code: string, ip = '10.9.0.1') =>
    t.app.inject({ method: 'POST', url: `/api/complaints/${id}/agreement/signature`, headers: bearer(token), payload: { textSha256, code }, remoteAddress: ip }),
  pdf: (token: string) => t.app.inject({ method: 'GET', url: `/api/complaints/${id}/agreement/pdf`, headers: bearer(token) }),
})

/** The newest code sent to this phone. */
export const lastCode = (t: TestApp, phone: string) => t.sms.filter((s) => s.phone === phone).at(-1)!.code
