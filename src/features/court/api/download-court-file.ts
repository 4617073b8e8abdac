import Taro from '@tarojs/taro'
import { apiOrigin } from '@/lib/api-base'
import { apiErrorFrom, authHeader } from '@/lib/http'
import { letterPath } from './court-api'

/** Mini-program: downloads the letter with the Authorization header and opens it in WeChat's document viewer. */
export async function downloadLetter(complaintId: string, number: string): Promise<string> {
  const result = await Taro.downloadFile({ url: `${apiOrigin()}/api${letterPath(complaintId)}`, header: authHeader() }).catch(() => null)
  if (!result) throw apiErrorFrom(0, null)
  if (result.statusCode !== 200) throw apiErrorFrom(result.statusCode, null)
  await Taro.openDocument({ filePath: result.tempFilePath, fileType: 'pdf', showMenu: true })
  return `支持诉讼函-${number}.pdf`
}

// NOTE: a mini-program can neither save nor open a zip (https://developers.weixin.qq.com/miniprogram/dev/api/file/wx.openDocument.html);
// the materials are for filing at court, prepared at the office computer.
export async function downloadPacket(_complaintId: string, _number: string): Promise<string> {
  throw new Error('司法确认材料请在电脑上的网页版工作台导出')
}
