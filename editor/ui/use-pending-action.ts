/**
 * One button's request: whether it is under way (to disable the control, so a double click
 * cannot send it twice) and the server's message when it failed (to show next to it).
 */
import { useCallback, useState } from 'react'
import { describeError } from '../http/api-error'

export interface PendingAction {
  readonly pending: boolean
  readonly error: string | null
  readonly clearError: () => void
  /** Runs the request; resolves true when it succeeded. Never rejects: a failure becomes `error`. */
  readonly run: (request: () => Promise<void>) => Promise<boolean>
}

export function usePendingAction(): PendingAction {
  const [pending, setPending] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const clearError = useCallback(() => setError(null), [])
  const run = useCallback(async (request: () => Promise<void>): Promise<boolean> => {
    setPending(true)
    setError(null)
    try {
      await request()
      return true
    } catch (cause) {
      setError(describeError(cause))
      return false
    } finally {
      setPending(false)
    }
  }, [])
  return { pending, error, clearError, run }
}
