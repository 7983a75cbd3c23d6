/** Whether a CSS media query matches now, re-rendering when that changes (a rotated phone, a resized window). */
import { useCallback, useSyncExternalStore } from 'react'

/** The phone breakpoint of the stylesheets (`@media (max-width: 640px)`), for layout decided in code. */
export const PHONE_QUERY = '(max-width: 640px)'

export function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const list = window.matchMedia(query)
      list.addEventListener('change', onChange)
      return () => list.removeEventListener('change', onChange)
    },
    [query],
  )
  return useSyncExternalStore(subscribe, () => window.matchMedia(query).matches)
}
