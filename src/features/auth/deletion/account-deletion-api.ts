import type { AccountDeletionCreate, AccountDeletionStatus } from '@/contract/account-deletion'
import type { SmsCodeResponse } from '@/contract/auth'
import { getJson, postJson } from '@/lib/http'

/** What deleting would do to this account, and the latest request. */
export function getDeletionStatus() {
  return getJson<AccountDeletionStatus>('/account/deletion')
}

/** Sends a code to the account's own phone (never a number typed here). */
export function sendDeletionCode() {
  return postJson<SmsCodeResponse>('/account/deletion/sms-code')
}

export function requestDeletion(body: AccountDeletionCreate) {
  return postJson<AccountDeletionStatus>('/account/deletion', body)
}

export function cancelDeletion() {
  return postJson<AccountDeletionStatus>('/account/deletion/cancel')
}
