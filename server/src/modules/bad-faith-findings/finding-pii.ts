/**
 * Published findings must never show a person's phone, ID or bank card number. The shared detector of
 * published cases (modules/published-cases/pii.ts) is not in this tree yet: this masks the same three
 * kinds of number in the text anyone can read. Street addresses cannot be told apart from a shop's
 * registered address by a pattern: staff are asked (on the form) not to write a person's address.
 */
const ID_NUMBER = /(?<!\d)\d{6}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?!\d)/g
const BANK_CARD = /(?<!\d)(?:\d[ -]?){15,18}\d(?!\d)/g
const MOBILE = /(?<!\d)(?:\+?86[ -]?)?1[3-9]\d(?:[ -]?\d{4}){2}(?!\d)/g

export function maskPersonalNumbers(text: string): string {
  return text.replace(ID_NUMBER, '［身份证号已隐去］').replace(BANK_CARD, '［银行卡号已隐去］').replace(MOBILE, '［手机号已隐去］')
}

/** Whether any of the three kinds is still in the text (the published-text test runs every finding through it). */
export function containsPersonalNumber(text: string): boolean {
  return [ID_NUMBER, BANK_CARD, MOBILE].some((pattern) => new RegExp(pattern.source).test(text))
}
