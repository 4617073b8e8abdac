import type { StaffFieldReportsQuery } from '@/contract/field-report'

// NOTE: Taro.openDocument opens only doc/xls/ppt/pdf, not CSV
// (https://developers.weixin.qq.com/miniprogram/dev/api/file/wx.openDocument.html): staff use the web version.
export const CAN_EXPORT_CSV: boolean = false

export async function exportReportsCsv(_query: StaffFieldReportsQuery): Promise<void> {
  throw new Error('导出 CSV 请在电脑网页版操作')
}
