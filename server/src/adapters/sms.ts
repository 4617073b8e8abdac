import type { Config } from '../config'

/** What a code confirms: the text says so, so nobody reads a deletion code as a login code. */
export type SmsCodePurpose = 'login' | 'account_deletion' | 'walk_in_consent' | 'agreement_signature'

const CODE_TEXT: Record<SmsCodePurpose, { name: string; template: string }> = {
  login: { name: '登录验证码', template: 'login_code' },
  account_deletion: { name: '注销账号验证码', template: 'account_deletion_code' },
  walk_in_consent: { name: '同意服务站代办投诉的验证码（仅在您本人同意时告诉工作人员）', template: 'walk_in_consent_code' },
  agreement_signature: { name: '签署调解协议的验证码', template: 'agreement_signature_code' },
}

export interface SmsSender {
  sendLoginCode(phone: string, code: string, ttlMinutes: number, purpose?: SmsCodePurpose): Promise<void>
}

/** Default adapter: the code is printed in the server log, so a fresh install needs no SMS account. */
export function consoleSms(print: (line: string) => void = console.log): SmsSender {
  return {
    async sendLoginCode(phone, code, ttlMinutes, purpose = 'login') {
      print(`【短信】发送给 ${phone} 的${CODE_TEXT[purpose].name}：${code}（${ttlMinutes} 分钟内有效）`)
    },
  }
}

/**
 * Generic HTTP gateway: POST {apiBase}/sms/send with a bearer key. A real provider sits behind a small
 * relay that speaks this shape, so the server holds no provider SDK.
 */
export function httpSms(apiBase: string, apiKey: string | undefined): SmsSender {
  return {
    async sendLoginCode(phone, code, ttlMinutes, purpose = 'login') {
      const response = await fetch(`${apiBase}/sms/send`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}) },
        body: JSON.stringify({ phone, template: CODE_TEXT[purpose].template, params: { code, minutes: ttlMinutes } }),
        signal: AbortSignal.timeout(5000),
      })
      if (!response.ok) throw new Error(`SMS gateway answered ${response.status}`)
    },
  }
}

export function createSmsSender(config: Config): SmsSender {
  return config.sms.provider === 'http' ? httpSms(config.sms.apiBase!, config.sms.apiKey) : consoleSms()
}

/** Notification texts for key events (NOTIFY_SMS=true): the same console / HTTP gateway as login codes. */
export interface NotificationSms {
  sendNotification(phone: string, text: string): Promise<void>
}

export function createNotificationSms(config: Config, print: (line: string) => void = console.log): NotificationSms {
  if (config.sms.provider !== 'http') {
    return { sendNotification: async (phone, text) => print(`【短信】发送给 ${phone}：${text}`) }
  }
  const { apiBase, apiKey } = config.sms
  return {
    async sendNotification(phone, text) {
      const response = await fetch(`${apiBase}/sms/send`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}) },
        body: JSON.stringify({ phone, template: 'notification', params: { text } }),
        signal: AbortSignal.timeout(5000),
      })
      if (!response.ok) throw new Error(`SMS gateway answered ${response.status}`)
    },
  }
}
