import { useState } from 'react'
import type { Evidence } from '@/contract/evidence'
import { choosePhotos, discardPhoto } from '@/lib/photo-files'
import { describeUploadFailure, uploadPhotoFile } from '@/lib/upload-photo'

/**
 * Photos a form attaches one at a time (up to `max`), each uploaded through the evidence pipeline
 * with its progress in `status`; `busy` and `problem` are the form's own too, for its send step.
 */
export function usePhotoAttachments(max: number) {
  const [photos, setPhotos] = useState<Evidence[]>([])
  const [status, setStatus] = useState('')
  const [problem, setProblem] = useState('')
  const [busy, setBusy] = useState(false)

  async function addPhoto() {
    if (busy || photos.length >= max) return
    setProblem('')
    let file: string | undefined
    try {
      file = (await choosePhotos('camera-or-album', 1))[0]?.file
    } catch (error) {
      return setProblem(error instanceof Error ? error.message : '没能选择照片，请重试')
    }
    if (!file) return
    setBusy(true)
    try {
      const evidence = await uploadPhotoFile(file, { original: false }, (p) =>
        setStatus(p.stage === 'preparing' ? '正在准备照片…' : p.stage === 'waiting' ? `网络不好，正在第 ${p.attempt} 次重试…` : `照片上传中 ${p.percent}%`),
      )
      setPhotos((current) => [...current, evidence])
    } catch (error) {
      setProblem(describeUploadFailure(error).message)
    } finally {
      void discardPhoto(file)
      setStatus('')
      setBusy(false)
    }
  }

  return { photos, setPhotos, status, problem, setProblem, busy, setBusy, addPhoto }
}
