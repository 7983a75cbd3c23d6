/**
 * Loads a page's data again when its tab comes back into view. The room announces new versions
 * (use-latest-version.ts), but not a version named or renamed after it was recorded, and the
 * "5 minutes ago" on the page has aged meanwhile: coming back is when both are brought up to date.
 */
import { useEffect } from 'react'

export function useRefreshOnFocus(refresh: () => void): void {
  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === 'visible') refresh()
    }
    window.addEventListener('focus', refresh)
    document.addEventListener('visibilitychange', onVisible)
    return () => {
      window.removeEventListener('focus', refresh)
      document.removeEventListener('visibilitychange', onVisible)
    }
  }, [refresh])
}
