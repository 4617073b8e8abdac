/**
 * Recomputes a month's 红榜/黑榜 from its public export, with the published method
 * (src/contract/credit-ranking.ts) and nothing else:
 *
 *   curl -o 2026-11.json https://<server>/api/credit/rankings/2026-11/inputs
 *   node --import tsx scripts/credit/ranking.ts 2026-11.json            # every board, as JSON
 *   node --import tsx scripts/credit/ranking.ts 2026-11.json --industry food --region 杭州市 --text
 *
 * Reads the export from the file given, or from standard input when none is.
 */
import { readFileSync } from 'node:fs'
import { RANKING_METHOD_VERSION, rankMonth, type RankedEnterprise, type RankingInput } from '../../src/contract/credit-ranking'

interface MonthExport {
  month: string
  methodVersion: number
  inputs: RankingInput[]
}

function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(name)
  return index >= 0 ? args[index + 1] : undefined
}

const args = process.argv.slice(2)
const file = args[0] && !args[0].startsWith('--') ? args[0] : 0
const exported = JSON.parse(readFileSync(file, 'utf8')) as MonthExport
if (exported.methodVersion !== RANKING_METHOD_VERSION) {
  process.stderr.write(`这份数据按第 ${exported.methodVersion} 版方法排名，本脚本是第 ${RANKING_METHOD_VERSION} 版：请取用对应版本的脚本。\n`)
  process.exit(2)
}
const industry = option(args, '--industry')
const region = option(args, '--region')
const boards = rankMonth(exported.inputs).filter(
  (row: RankedEnterprise) => (industry === undefined || row.industry === industry) && (region === undefined || row.region === region),
)
if (args.includes('--text')) {
  for (const row of boards) {
    const board = row.board === 'red' ? '红榜' : '黑榜'
    process.stdout.write(`${board}\t${row.industry || '全部行业'}\t${row.region || '全部地区'}\t第 ${row.place} 名\t${row.name}\t${(row.scoreTenths / 10).toFixed(1)} 分\n`)
  }
} else {
  process.stdout.write(`${JSON.stringify({ month: exported.month, boards }, null, 2)}\n`)
}
