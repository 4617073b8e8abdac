/**
 * The monthly 红榜/黑榜 method (issue #19): a pure function of each enterprise's figures for one
 * month, so anyone holding the month's export can recompute the boards (scripts/credit/ranking.ts).
 * No Taro and no TypeBox imports: the app shows RANKING_METHOD_TEXT from this same file.
 */

/** The method's version, written into every export: a change of formula is a new version, never a silent edit. */
export const RANKING_METHOD_VERSION = 1
/** Fewer complaints in the month than this and the enterprise is not ranked (same threshold as the public figures). */
export const RANKING_MIN_COMPLAINTS = 5
/** Places shown on each board. */
export const RANKING_BOARD_SIZE = 10
/** The 红榜 needs at least this score and no unanswered deadline. */
export const RED_MIN_SCORE = 60
/** Weights of the response rate and the settled rate in the score; points taken off per unanswered deadline. */
export const RESPONSE_WEIGHT = 0.4
export const SETTLED_WEIGHT = 0.6
export const UNANSWERED_PENALTY = 10

export type RankingBoard = 'red' | 'black'

/** One enterprise's inputs for one China month (YYYY-MM): counts only, no personal data. */
export interface RankingInput {
  enterpriseId: string
  name: string
  /** The directory's industry code. */
  industry: string
  /** The enterprise's city (地市) as the directory writes it, '' when unknown. */
  region: string
  /** Complaints filed against it in the month. */
  received: number
  /** Of those, answered (by the enterprise or the association) by the time the month was ranked. */
  responded: number
  /** Of those, settled (resolved or mediated) by the time the month was ranked. */
  settled: number
  /** ODR answer deadlines that passed in the month without the enterprise's answer (the case went to the association). */
  unanswered: number
}

export interface RankedEnterprise {
  /** '' for every industry / every region. */
  industry: string
  region: string
  board: RankingBoard
  place: number
  enterpriseId: string
  name: string
  /** Score in tenths of a point (integer): 87.5 → 875, so no rounding differs between machines. */
  scoreTenths: number
}

/** score = 100 × (0.4 × 答复率 + 0.6 × 解决率) − 10 × 逾期未答复件数, in tenths, rounded half up. */
export function scoreTenths(input: RankingInput): number {
  const rates = (RESPONSE_WEIGHT * input.responded + SETTLED_WEIGHT * input.settled) / input.received
  return Math.round(rates * 1000) - UNANSWERED_PENALTY * 10 * input.unanswered
}

export const isRankable = (input: RankingInput) => input.received >= RANKING_MIN_COMPLAINTS

/** Ties go by name, compared by character codes (the same on every machine), then by id. */
function byName(a: RankingInput, b: RankingInput): number {
  if (a.name !== b.name) return a.name < b.name ? -1 : 1
  return a.enterpriseId < b.enterpriseId ? -1 : a.enterpriseId > b.enterpriseId ? 1 : 0
}

/** The two boards of one scope (all given inputs compete). */
export function rankScope(inputs: readonly RankingInput[], industry: string, region: string): RankedEnterprise[] {
  const scored = inputs.filter(isRankable).map((input) => ({ input, score: scoreTenths(input) }))
  const red = scored
    .filter(({ input, score }) => input.unanswered === 0 && score >= RED_MIN_SCORE * 10)
    .sort((a, b) => b.score - a.score || byName(a.input, b.input))
  const black = scored
    .filter(({ input, score }) => input.unanswered > 0 || score < RED_MIN_SCORE * 10)
    .sort((a, b) => a.score - b.score || b.input.unanswered - a.input.unanswered || byName(a.input, b.input))
  const place = (board: RankingBoard) => ({ input, score }: { input: RankingInput; score: number }, index: number): RankedEnterprise => ({
    industry,
    region,
    board,
    place: index + 1,
    enterpriseId: input.enterpriseId,
    name: input.name,
    scoreTenths: score,
  })
  return [...red.slice(0, RANKING_BOARD_SIZE).map(place('red')), ...black.slice(0, RANKING_BOARD_SIZE).map(place('black'))]
}

/**
 * Every board of a month: all enterprises; each industry; each region; each industry within each
 * region. Sorted by scope, board and place so two runs give the same array.
 */
export function rankMonth(inputs: readonly RankingInput[]): RankedEnterprise[] {
  const scopes = new Map<string, { industry: string; region: string; members: RankingInput[] }>()
  for (const input of inputs) {
    const keys: Array<[string, string]> = [['', ''], [input.industry, '']]
    if (input.region) keys.push(['', input.region], [input.industry, input.region])
    for (const [industry, region] of keys) {
      const key = `${industry}\u0000${region}`
      const scope = scopes.get(key) ?? { industry, region, members: [] }
      scope.members.push(input)
      scopes.set(key, scope)
    }
  }
  const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
  return [...scopes.values()]
    .sort((a, b) => order(a.industry, b.industry) || order(a.region, b.region))
    .flatMap((scope) => rankScope(scope.members, scope.industry, scope.region))
}

/** 2026-11 → "2026年11月". */
export function monthText(month: string): string {
  const [y, m] = month.split('-')
  return `${y}年${Number(m)}月`
}

/** The month before a YYYY-MM month. */
export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`
}

export const RANKING_MONTH_PATTERN = '^\\d{4}-(0[1-9]|1[0-2])$'

/** "排名方法", shown on the ranking page word for word. */
export const RANKING_METHOD_TEXT: readonly string[] = [
  `一个月结束后，第一次有人查看时按该月的数据自动计算一次，存档后不再改动；没有任何人工调整排名的途径。`,
  `参加排名：当月通过本平台收到投诉不少于 ${RANKING_MIN_COMPLAINTS} 件的名录企业。`,
  `答复率 = 当月收到的投诉中已得到答复的件数 ÷ 当月收到的投诉件数；解决率 = 其中和解或调解成功的件数 ÷ 当月收到的投诉件数（均以计算排名时的状态为准）。`,
  `得分 = 100 ×（${RESPONSE_WEIGHT} × 答复率 + ${SETTLED_WEIGHT} × 解决率）− ${UNANSWERED_PENALTY} × 逾期未答复件数，保留一位小数。逾期未答复：绿色通道的企业答复期限在当月届满而企业没有答复、投诉转交消协的件数。`,
  `红榜：得分不低于 ${RED_MIN_SCORE} 分且当月没有逾期未答复的企业，得分高者在前；黑榜：得分低于 ${RED_MIN_SCORE} 分或当月有逾期未答复的企业，得分低者在前。每榜最多 ${RANKING_BOARD_SIZE} 名，同分按企业名称排序。`,
  `全部、各行业、各地区（地市）分别排名。每月的计算数据可以下载，任何人都能用公开的脚本复算出同样的结果。`,
]

export const RANKING_NO_REMOVAL_NOTE = '企业不能付费或申请删除排名。'
