/**
 * Saving GET /api/staff/statistics.csv as a file; Taro picks `export-csv.h5.ts` or
 * `export-csv.weapp.ts` at build time (https://docs.taro.zone/docs/envs#统一接口的多端文件).
 * This neutral file gives TypeScript the shared signatures.
 */
import type { StatisticsQuery } from '@/contract/statistics'

/** False where a CSV file cannot be handed to the user (the mini-program). */
export const CAN_EXPORT_CSV: boolean = false

/** Downloads the CSV of the range; rejects with an ApiRequestError when the server refuses. */
export async function exportStatisticsCsv(_query: StatisticsQuery): Promise<void> {
  throw new Error('导出 CSV 请在电脑网页版操作')
}

/** Downloads the roll-up figures (本级及下级) of the range as CSV. */
export async function exportFiguresCsv(_query: StatisticsQuery): Promise<void> {
  throw new Error('导出 CSV 请在电脑网页版操作')
}
