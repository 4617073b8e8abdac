/**
 * Handing the finished zip to the person; Taro picks `save-export.h5.ts` on H5
 * (https://docs.taro.zone/docs/envs#统一接口的多端文件). Elsewhere (the mini-program cannot save a
 * zip anywhere the person can open it) the link is copied, to be opened in a browser.
 */
import Taro from '@tarojs/taro'
import { absoluteUrl } from '@/lib/api-base'

export type SaveOutcome = 'downloading' | 'copied'

export async function saveExport(downloadUrl: string): Promise<SaveOutcome> {
  await Taro.setClipboardData({ data: absoluteUrl(downloadUrl) })
  return 'copied'
}
