import { useEffect, useState } from 'react'
import { previewBody } from '../api/staff-warnings'

const PREVIEW_DELAY_MS = 500

/** The server's sanitized version of the body, a moment after the typing stops. */
export function useLivePreview(bodyHtml: string): { html: string; failed: boolean } {
  const [html, setHtml] = useState('')
  const [failed, setFailed] = useState(false)
  useEffect(() => {
    if (!bodyHtml.trim()) {
      setHtml('')
      return
    }
    let live = true
    const timer = setTimeout(() => {
      previewBody(bodyHtml).then(
        (sanitized) => {
          if (!live) return
          setHtml(sanitized)
          setFailed(false)
        },
        () => live && setFailed(true),
      )
    }, PREVIEW_DELAY_MS)
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [bodyHtml])
  return { html, failed }
}
