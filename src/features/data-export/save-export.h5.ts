import { absoluteUrl } from '@/lib/api-base'
import type { SaveOutcome } from './save-export'

/** The signed link needs no login header: the browser downloads it itself (the server sends it as an attachment). */
export async function saveExport(downloadUrl: string): Promise<SaveOutcome> {
  const link = document.createElement('a')
  link.href = absoluteUrl(downloadUrl)
  link.download = 'weiquan-my-data.zip'
  link.rel = 'noopener'
  document.body.appendChild(link)
  link.click()
  link.remove()
  return 'downloading'
}
