/**
 * Whether this browser shows authors: off until someone turns it on, then remembered in
 * localStorage. It changes only this person's view of the document, never anyone else's.
 *
 * Read once, when the page mounts: a choice made in another tab applies on the next visit,
 * not in the middle of reading this one.
 */
import { useCallback, useState } from 'react'

/** Prefixed with the app's name: the origin may serve other apps' pages too. */
const STORAGE_KEY = 'coffeehouse.show-authors'

function readPreference(): boolean {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === 'on'
  } catch {
    // Storage can be switched off (private windows, strict settings): then it is simply off.
    return false
  }
}

function writePreference(shown: boolean): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, shown ? 'on' : 'off')
  } catch {
    // Not remembered, but still shown for this visit.
  }
}

export function useShowAuthors(): [shown: boolean, setShown: (shown: boolean) => void] {
  const [shown, setShownState] = useState(readPreference)
  const setShown = useCallback((next: boolean) => {
    setShownState(next)
    writePreference(next)
  }, [])
  return [shown, setShown]
}
