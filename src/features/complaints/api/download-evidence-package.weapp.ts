import Taro from '@tarojs/taro'
import { apiOrigin } from '@/lib/api-base'
import { apiErrorFrom, authHeader, recoverFromUnauthorized } from '@/lib/http'

// NOTE: a mini-program cannot save a zip where the user finds it, nor open one
// (https://developers.weixin.qq.com/miniprogram/dev/api/file/wx.openDocument.html): the package is
// downloaded, then sent to a chat (e.g. 文件传输助手) with wx.shareFileMessage, to open on a computer.
export async function downloadEvidencePackage(complaintId: string, number: string, onProgress: (share: number | null) => void): Promise<string> {
  const fileName = `${number}-evidence.zip`
  const load = () =>
    new Promise<Taro.downloadFile.FileSuccessCallbackResult>((resolve, reject) => {
      const task = Taro.downloadFile({
        url: `${apiOrigin()}/api/complaints/${encodeURIComponent(complaintId)}/evidence-package`,
        header: authHeader(),
        success: resolve,
        fail: () => reject(apiErrorFrom(0, null)),
      })
      task.onProgressUpdate((progress) => onProgress(progress.progress / 100))
    })
  let result = await load()
  if (result.statusCode === 401 && (await recoverFromUnauthorized(undefined))) result = await load()
  if (result.statusCode !== 200) {
    // The error body was written to the temp file: read it for the server's Chinese message.
    let body: unknown = null
    try {
      body = JSON.parse(String(Taro.getFileSystemManager().readFileSync(result.tempFilePath, 'utf8')))
    } catch {
      body = null
    }
    throw apiErrorFrom(result.statusCode, body)
  }
  await Taro.shareFileMessage({ filePath: result.tempFilePath, fileName })
  return fileName
}
