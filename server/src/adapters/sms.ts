import type { Config } from '../config'

export interface SmsSender {
  sendLoginCode(phone: string, code: string, ttlMinutes: number): Promise<void>
}

/** Default adapter: the code is printed in the server log, so a fresh install needs no SMS account. */
export function consoleSms(print: (line: string) => void = console.log): SmsSender {
  return {
    async sendLoginCode(phone, code, ttlMinutes) {
      print(`【短信】发送给 ${phone} 的登录验证码：${code}（${ttlMinutes} 分钟内有效）`)
    },
  }
}

/**
 * Generic HTTP gateway: POST {apiBase}/sms/send with a bearer key. A real provider sits behind a small
 * relay that speaks this shape, so the server holds no provider SDK.
 */
export function httpSms(apiBase: string, apiKey: string | undefined): SmsSender {
  return {
    async sendLoginCode(phone, code, ttlMinutes) {
      const response = await fetch(`${apiBase}/sms/send`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}) },
        body: JSON.stringify({ phone, template: 'login_code', params: { code, minutes: ttlMinutes } }),
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
