import Taro from '@tarojs/taro'
import { apiOrigin } from '@/lib/api-base'
import { apiErrorFrom, authHeader } from '@/lib/http'
import { pdfPath } from './agreement-api'

/** Mini-program: downloads the PDF with the Authorization header and opens it in WeChat's document viewer. */
export async function downloadAgreementPdf(complaintId: string, _fallbackName: string): Promise<void> {
  const result = await Taro.downloadFile({ url: `${apiOrigin()}/api${pdfPath(complaintId)}`, header: authHeader() }).catch(() => null)
  if (!result) throw apiErrorFrom(0, null)
  if (result.statusCode !== 200) throw apiErrorFrom(result.statusCode, null)
  await Taro.openDocument({ filePath: result.tempFilePath, fileType: 'pdf', showMenu: true })
}
