/**
 * After the server refused a change because this person may only suggest (close code 4422),
 * the tab starts over from the server's copy, and says so: the refused change is gone.
 * An honest editor never sends such a change; this is the way back if one ever does.
 */
import { useCallback, useState } from 'react'

export function useResyncOnRefusal() {
  const [generation, setGeneration] = useState(0)
  const [resynced, setResynced] = useState(false)
  const onRefused = useCallback(() => {
    setGeneration((current) => current + 1)
    setResynced(true)
  }, [])
  const dismiss = useCallback(() => setResynced(false), [])
  return { generation, resynced, onRefused, dismiss }
}
