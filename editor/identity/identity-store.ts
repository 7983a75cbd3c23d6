/**
 * Remembers the identity in localStorage and tells subscribers when it changes, including
 * when another tab changes it (the `storage` event), so every open tab shows the same name.
 */
import { type Identity, parseIdentity } from './identity'

const STORAGE_KEY = 'coffeehouse:identity'

export class IdentityStore {
  #current: Identity | null
  readonly #listeners = new Set<() => void>()

  /** `storage` is null when the browser refuses access (some private modes); the identity then lasts for the page's life. */
  constructor(private readonly storage: Storage | null) {
    this.#current = this.#read()
  }

  get current(): Identity | null {
    return this.#current
  }

  save(identity: Identity): void {
    this.#current = identity
    try {
      this.storage?.setItem(STORAGE_KEY, JSON.stringify(identity))
    } catch {
      // Quota or privacy settings: keep the identity for this page rather than fail the dialog.
    }
    this.#notify()
  }

  /** Subscribes to changes; returns the unsubscribe function (the shape useSyncExternalStore expects). */
  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener)
    const onStorage = (event: StorageEvent): void => {
      if (event.key !== STORAGE_KEY) return
      this.#current = this.#read()
      listener()
    }
    window.addEventListener('storage', onStorage)
    return () => {
      this.#listeners.delete(listener)
      window.removeEventListener('storage', onStorage)
    }
  }

  #read(): Identity | null {
    try {
      const raw = this.storage?.getItem(STORAGE_KEY)
      return raw ? parseIdentity(JSON.parse(raw)) : null
    } catch {
      return null
    }
  }

  #notify(): void {
    for (const listener of this.#listeners) listener()
  }
}

/** The browser's localStorage, or null where merely touching it throws. */
export function browserStorage(): Storage | null {
  try {
    return window.localStorage
  } catch {
    return null
  }
}
