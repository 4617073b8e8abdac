/**
 * Saving GET /api/staff/field-reports.csv; Taro picks `export-csv.h5.ts` or `export-csv.weapp.ts`.
 * This neutral file gives TypeScript the shared signatures.
 */
import type { StaffFieldReportsQuery } from '@/contract/field-report'

/** False where a CSV file cannot be handed to the user (the mini-program). */
export const CAN_EXPORT_CSV: boolean = false

export async function exportReportsCsv(_query: StaffFieldReportsQuery): Promise<void> {
  throw new Error('导出 CSV 请在电脑网页版操作')
}
