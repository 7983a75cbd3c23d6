/**
 * Loads a page's data again when its tab comes back into view. The history pages do not open the
 * document's room (that would load the whole live document and count the visitor as a reader of
 * it) so they cannot hear the server announce a new version; coming back to the tab, or the
 * Refresh button, is when a newer one is looked for.
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
