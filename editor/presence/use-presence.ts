/**
 * Who is here, re-read on every change of presence but passed on (and the header re-rendered)
 * only when someone arrives, leaves, changes their name or colour, or the reader count moves:
 * most changes are carets moving, and in a crowd they arrive with every presence frame.
 */
import { useEffect, useState } from 'react'
import type { Awareness } from 'y-protocols/awareness'
import { type Presence, readPresence, samePresence } from './participants'

export function usePresence(awareness: Awareness): Presence {
  const [presence, setPresence] = useState(() => readPresence(awareness))
  useEffect(() => {
    // 'change' rather than 'update': 'update' also fires for the 15-second keep-alive renewals.
    const refresh = (): void => {
      const next = readPresence(awareness)
      setPresence((current) => (samePresence(current, next) ? current : next))
    }
    refresh()
    awareness.on('change', refresh)
    return () => awareness.off('change', refresh)
  }, [awareness])
  return presence
}
