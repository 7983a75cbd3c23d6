/**
 * Makes the one IdentityStore of the app available to every screen.
 */
import { createContext, type ReactNode, useCallback, useContext, useSyncExternalStore } from 'react'
import type { Identity } from './identity'
import type { IdentityStore } from './identity-store'

const IdentityContext = createContext<IdentityStore | null>(null)

export function IdentityProvider({ store, children }: { store: IdentityStore; children: ReactNode }) {
  return <IdentityContext.Provider value={store}>{children}</IdentityContext.Provider>
}

/** The current identity (null until the person has introduced themselves) and a way to change it. */
export function useIdentity(): [Identity | null, (identity: Identity) => void] {
  const store = useContext(IdentityContext)
  if (!store) throw new Error('useIdentity must be used inside <IdentityProvider>')
  const identity = useSyncExternalStore(store.subscribe, () => store.current)
  const save = useCallback((next: Identity) => store.save(next), [store])
  return [identity, save]
}
