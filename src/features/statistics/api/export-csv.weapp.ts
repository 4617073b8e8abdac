import type { StatisticsQuery } from '@/contract/statistics'

// NOTE: Taro.openDocument opens only doc/xls/ppt/pdf files, not CSV
// (https://developers.weixin.qq.com/miniprogram/dev/api/file/wx.openDocument.html), and a file
// downloaded to the phone is of little use for a spreadsheet: the page sends staff to the web version.
export const CAN_EXPORT_CSV: boolean = false

export async function exportStatisticsCsv(_query: StatisticsQuery): Promise<void> {
  throw new Error('导出 CSV 请在电脑网页版操作')
}

export async function exportFiguresCsv(_query: StatisticsQuery): Promise<void> {
  throw new Error('导出 CSV 请在电脑网页版操作')
}
