import type { StaffFieldReportsQuery } from '@/contract/field-report'
import { downloadCsv } from '@/lib/download-csv.h5'

export const CAN_EXPORT_CSV: boolean = true

export function exportReportsCsv(query: StaffFieldReportsQuery): Promise<void> {
  return downloadCsv('/staff/field-reports.csv', query, 'weiquan-field-reports.csv').then(() => undefined)
}
