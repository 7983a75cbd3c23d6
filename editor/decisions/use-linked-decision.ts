/**
 * The decision the address points to (`#decision-<id>`, as the Atom feed links), brought into
 * view once the log has loaded. The browser would do this itself, but it looks for the entry
 * when the page loads, before the log has arrived and the entry exists.
 */
import { useEffect } from 'react'
import { useLocation } from 'react-router'

/** The element id the address names, if it names a decision; kept while the page is shown. */
export function useLinkedDecision(loaded: boolean): string | null {
  const { hash } = useLocation()
  const linked = hash.startsWith('#decision-') ? decodeURIComponent(hash.slice(1)) : null
  useEffect(() => {
    if (loaded && linked !== null) document.getElementById(linked)?.scrollIntoView({ block: 'start' })
  }, [loaded, linked])
  return linked
}
