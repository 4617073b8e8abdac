/**
 * Field rules shared by the app (inline validation) and the server (JSON schemas).
 * No Taro and no TypeBox imports here: this file is bundled into the mini-program.
 */
export const PHONE_PATTERN = /^1[3-9]\d{9}$/
export const SMS_CODE_PATTERN = /^\d{6}$/
export const SMS_CODE_LENGTH = 6
export const SMS_RESEND_SECONDS = 60

/**
 * Full-width digits and dots (１３８, ．, and 。 typed for a decimal point by Chinese keyboards) →
 * ASCII, so a number typed in a Chinese input method is kept instead of dropped.
 */
export function halfWidthDigits(text: string): string {
  return text.replace(/[\uff10-\uff19\uff0e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3002/g, '.')
}

export function phoneError(phone: string): string | null {
  const value = phone.trim()
  if (!value) return '请输入手机号'
  if (!PHONE_PATTERN.test(value)) return '请输入 11 位手机号'
  return null
}

export function smsCodeError(code: string): string | null {
  const value = code.trim()
  if (!value) return '请输入验证码'
  if (!SMS_CODE_PATTERN.test(value)) return '验证码是 6 位数字'
  return null
}

/** 13812341234 → 138****1234, for showing a phone to someone who must not see all of it. */
export function maskPhone(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : phone
}
