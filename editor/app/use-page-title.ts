/** Sets the browser tab's title while the page is shown: "<title> — Coffeehouse". */
import { useEffect } from 'react'

export function usePageTitle(title: string | null): void {
  useEffect(() => {
    document.title = title ? `${title} — Coffeehouse` : 'Coffeehouse'
  }, [title])
}
