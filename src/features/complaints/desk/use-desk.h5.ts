import { useEffect, useState } from 'react'

const DESK = '(min-width: 1024px)'

/** H5: true on a screen 1024 px or wider, following window resizes. */
export function useDesk(): boolean {
  const [desk, setDesk] = useState(() => window.matchMedia(DESK).matches)
  useEffect(() => {
    const media = window.matchMedia(DESK)
    const follow = () => setDesk(media.matches)
    follow()
    media.addEventListener('change', follow)
    return () => media.removeEventListener('change', follow)
  }, [])
  return desk
}
