import type { StatisticsQuery } from '@/contract/statistics'
import { downloadCsv } from '@/lib/download-csv.h5'

export const CAN_EXPORT_CSV: boolean = true

export function exportStatisticsCsv(query: StatisticsQuery): Promise<void> {
  return downloadCsv('/staff/statistics.csv', query, 'weiquan-complaints.csv').then(() => undefined)
}

export function exportFiguresCsv(query: StatisticsQuery): Promise<void> {
  return downloadCsv('/staff/statistics/figures.csv', query, 'weiquan-figures.csv').then(() => undefined)
}
