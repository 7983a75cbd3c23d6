/**
 * Runs the extensions' hooks in the order they are listed. A document's hooks hand each
 * extension its own state for that document, so each runner takes the payload as a function
 * of the extension.
 */
import type { AnyExtension, AwaitedHookName, ChangePayload, HookPayload } from './hooks'
import type { AwarenessEntry } from './frames'

/** Runs an awaited hook on every extension, one after another; the first to throw stops the rest. */
export async function runHook<Name extends AwaitedHookName>(
  extensions: readonly AnyExtension[],
  name: Name,
  payloadFor: (extension: AnyExtension) => HookPayload<Name>,
): Promise<void> {
  for (const extension of extensions) {
    const hook = extension[name] as ((payload: HookPayload<Name>) => Promise<void> | void) | undefined
    if (hook) await hook.call(extension, payloadFor(extension))
  }
}

/** Asks every extension about an update; the first to throw refuses it. */
export function runBeforeApplyUpdate(extensions: readonly AnyExtension[], payloadFor: (extension: AnyExtension) => HookPayload<'beforeApplyUpdate'>): void {
  for (const extension of extensions) extension.beforeApplyUpdate?.(payloadFor(extension))
}

/** Passes presence entries through every extension in turn. */
export function runBeforeApplyAwareness(
  extensions: readonly AnyExtension[],
  entries: AwarenessEntry[],
  payloadFor: (extension: AnyExtension, entries: AwarenessEntry[]) => HookPayload<'beforeApplyAwareness'>,
): AwarenessEntry[] {
  let passed = entries
  for (const extension of extensions) {
    if (extension.beforeApplyAwareness) passed = extension.beforeApplyAwareness(payloadFor(extension, passed))
  }
  return passed
}

/**
 * Starts onStoreChange on every extension at once and returns one promise for all of them:
 * one store must not wait for another.
 */
export function runStoreHooks(extensions: readonly AnyExtension[], payloadFor: (extension: AnyExtension) => ChangePayload<unknown>): Promise<void> {
  const pending: Promise<void>[] = []
  for (const extension of extensions) {
    if (!extension.onStoreChange) continue
    try {
      const result = extension.onStoreChange(payloadFor(extension))
      if (result) pending.push(result)
    } catch (error) {
      pending.push(Promise.reject(error))
    }
  }
  if (pending.length <= 1) return pending[0] ?? Promise.resolve()
  return Promise.all(pending).then(() => undefined)
}

/** Tells every extension of a change; one that fails is reported and the others still hear of it. */
export function runChangeHooks(
  extensions: readonly AnyExtension[],
  payloadFor: (extension: AnyExtension) => ChangePayload<unknown>,
  onFailure: (extension: AnyExtension, error: unknown) => void,
): void {
  for (const extension of extensions) {
    try {
      extension.onChange?.(payloadFor(extension))
    } catch (error) {
      onFailure(extension, error)
    }
  }
}
