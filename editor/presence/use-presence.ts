/** Who is here, re-read whenever someone arrives, leaves, changes their name or colour, or the reader count moves. */
import { useEffect, useState } from 'react'
import type { Awareness } from 'y-protocols/awareness'
import { type Presence, readPresence } from './participants'

export function usePresence(awareness: Awareness): Presence {
  const [presence, setPresence] = useState(() => readPresence(awareness))
  useEffect(() => {
    // 'change' rather than 'update': 'update' also fires for the 15-second keep-alive renewals.
    const refresh = (): void => setPresence(readPresence(awareness))
    refresh()
    awareness.on('change', refresh)
    return () => awareness.off('change', refresh)
  }, [awareness])
  return presence
}
