import { fenToYuan } from '../../../../src/contract/complaint-rules'
import { FIGURES_CSV_COLUMNS, type Figure, type OrganizationFigures } from '../../../../src/contract/statistics-figures'
import { BOM, csvLine } from './statistics-csv'

const percent = (rate: number | null) => (rate === null ? '' : `${Math.round(rate * 1000) / 10}%`)
const monthLabel = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5))}月`

function figureCells(f: Figure): Array<string | number> {
  return [f.received, f.accepted, f.closed, f.referred, percent(f.closeRate), f.closedOnTime, percent(f.onTimeRate), f.mediationEnded, f.mediationSucceeded, percent(f.mediationSuccessRate), fenToYuan(f.recoveredFen)]
}

/** After an empty line, cases filed at each station: a row per station, a column per month, the total last. */
function stationLines({ months, stations, wholeMonths }: OrganizationFigures['byStation']): string[] {
  if (stations.length === 0) return []
  return [
    '',
    csvLine(['服务站代办（件）', '所属机构', ...months.map(monthLabel), wholeMonths ? '合计' : '合计（按整月）']),
    ...stations.map((station) => csvLine([station.name, station.organizationName, ...station.counts, station.total])),
  ]
}

/** The figures as one flat table (a few dozen rows): the subtree, its own cases, each organization below, each month, each industry; then the stations. */
export function figuresCsv(figures: OrganizationFigures): string {
  const lines = [
    csvLine(FIGURES_CSV_COLUMNS),
    csvLine(['合计', `${figures.organizationName}${figures.includesBelow ? '（含下级）' : ''}`, ...figureCells(figures.total)]),
    ...(figures.own ? [csvLine(['本级', figures.organizationName, ...figureCells(figures.own)])] : []),
    ...figures.children.map((child) => csvLine(['下级机构', `${child.name}（含下级）`, ...figureCells(child)])),
    ...figures.byMonth.map((month) => csvLine(['月份', monthLabel(month.month), ...figureCells(month)])),
    ...figures.byIndustry.map((industry) => csvLine(['行业', industry.label, ...figureCells(industry)])),
    ...stationLines(figures.byStation),
  ]
  return `${BOM}${lines.map((line) => `${line}\r\n`).join('')}`
}

export const figuresCsvFilename = (figures: Pick<OrganizationFigures, 'from' | 'to'>) => `weiquan-figures-${figures.from}-${figures.to}.csv`
