/** Waiting on events instead of the clock. */

interface Emitter {
  on(event: string, listener: (...args: never[]) => void): void
  off(event: string, listener: (...args: never[]) => void): void
}

/**
 * Resolves once `condition` holds, checking now and after every `event` from any
 * of `emitters`. Rejects with `description` if the test's own timeout comes first.
 */
export function until(condition: () => boolean, emitters: Emitter[], event: string, description = 'condition'): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const check = () => {
      let satisfied: boolean
      try {
        satisfied = condition()
      } catch (error) {
        cleanup()
        reject(error)
        return
      }
      if (satisfied) {
        cleanup()
        resolve()
      }
    }
    const cleanup = () => {
      for (const emitter of emitters) emitter.off(event, check)
    }
    for (const emitter of emitters) emitter.on(event, check)
    check()
  }).catch((error: unknown) => {
    throw error instanceof Error ? error : new Error(`${description}: ${String(error)}`)
  })
}

/** Resolves with the arguments of the next `event`. */
export function next<Args extends unknown[]>(emitter: Emitter, event: string): Promise<Args> {
  return new Promise((resolve) => {
    const listener = (...args: never[]) => {
      emitter.off(event, listener)
      resolve(args as unknown as Args)
    }
    emitter.on(event, listener)
  })
}
