import type { StaffWarningSaveResponse } from '../../../../src/contract/warning'
import { bearer, type TestApp } from './test-app'

export const WARNING_FIELDS = {
  kind: 'warning',
  title: '警惕免费旅游陷阱',
  summary: '所谓零元游往往以强制购物收回成本，请谨慎报名。',
  bodyHtml: '<p>近期有旅行社以“零元游”为名招揽老年人。</p>',
  industry: 'travel',
  issuer: '示例市消费者协会',
} as const

/** Creates a draft through the staff API and returns it. */
export async function createDraft(t: TestApp, staff: string, fields: Record<string, unknown> = {}) {
  const response = await t.app.inject({ method: 'POST', url: '/api/staff/warnings', headers: bearer(staff), payload: { ...WARNING_FIELDS, ...fields } })
  if (response.statusCode !== 201) throw new Error(`create failed: ${response.body}`)
  return (response.json() as StaffWarningSaveResponse).warning
}

export async function publish(t: TestApp, staff: string, id: string, publishAt?: string) {
  const response = await t.app.inject({
    method: 'POST',
    url: `/api/staff/warnings/${id}/publish`,
    headers: bearer(staff),
    payload: publishAt ? { publishAt } : {},
  })
  if (response.statusCode !== 200) throw new Error(`publish failed: ${response.body}`)
  return (response.json() as StaffWarningSaveResponse).warning
}

/** Creates and publishes now. */
export async function published(t: TestApp, staff: string, fields: Record<string, unknown> = {}) {
  return publish(t, staff, (await createDraft(t, staff, fields)).id)
}
