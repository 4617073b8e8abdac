/** Limits and text rules of lawyer Q&A (律师答疑), shared by the app and the server. */
export const QUESTION_MAX = 1000
export const QUESTION_MIN = 5
export const ANSWER_MAX = 3000
export const QUESTION_PHOTOS_MAX = 3
export const NEXT_STEP_MAX = 100
export const NEXT_STEPS_MAX = 5
export const CITATIONS_MAX = 5
export const THEME_MAX = 60
export const FIRM_MAX = 60
/** A search term needs at least this many characters (as warnings). */
export const QA_SEARCH_MIN = 2

/**
 * 律师执业证号: 17 digits (司法部 2009 编号规则: certificate type, province, city, category, year of
 * first practice, sex, serial). Older 12-digit numbers exist on certificates not yet replaced;
 * they are refused here on purpose (the brief asks for the current format).
 */
export const LICENCE_PATTERN = /^\d{17}$/

/**
 * Published text never carries a phone, ID card, bank card or order number: every run of 7 or more
 * digits (spaces or hyphens between them too, an ID card's final X included) becomes asterisks.
 * Shorter numbers (amounts such as 3000 元, dates) stay readable.
 */
export function maskDigitRuns(text: string): string {
  return text.replace(/\d(?:[ -]?\d){6,}[Xx]?/g, (run) => run.replace(/[\dXx]/g, '*'))
}

/** 第97期 */
export const sessionTitle = (number: number) => `第${number}期`
