/** The participants list, re-read whenever someone arrives, leaves or changes their name or colour. */
import { useEffect, useState } from 'react'
import type { Awareness } from 'y-protocols/awareness'
import { type Participant, readParticipants } from './participants'

export function useParticipants(awareness: Awareness): Participant[] {
  const [participants, setParticipants] = useState(() => readParticipants(awareness))
  useEffect(() => {
    // 'change' rather than 'update': 'update' also fires for the 15-second keep-alive renewals.
    const refresh = (): void => setParticipants(readParticipants(awareness))
    refresh()
    awareness.on('change', refresh)
    return () => awareness.off('change', refresh)
  }, [awareness])
  return participants
}
