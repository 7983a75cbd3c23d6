/**
 * Records kept as JSON objects are looked up by keys that come from outside (ids in URLs).
 * `table[key]` would find Object.prototype's own members for keys such as "constructor" or
 * "__proto__", so every such lookup goes through here and sees only the table's own entries.
 */
export function ownValue<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined
}

/** Sets `table[key]` as an own entry even for "__proto__", which plain assignment would treat as the prototype. */
export function setOwnValue<T>(table: Record<string, T>, key: string, value: T): T {
  Object.defineProperty(table, key, { value, enumerable: true, writable: true, configurable: true })
  return value
}
