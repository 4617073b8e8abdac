/** 2026年12月5日 (China time) for an ISO instant. */
export function chinaDay(iso: string): string {
  const d = new Date(Date.parse(iso) + 8 * 3600_000)
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`
}

export const CASES_PAGE = '/packages/credit/pages/cases/index'
export const CASE_PAGE = '/packages/credit/pages/case/index'
