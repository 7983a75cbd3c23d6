/** Versions through the real API, and waiting for the server to record one. */
import { MANIFESTO_ID } from '../../server/documents/manifesto'
import type { versionJson } from '../../server/http/versions'
import { as, type SignedIn } from './accounts'
import type { TestClient } from './clients'
import { until } from './events'
import type { TestServer } from './server'

export const VERSIONS_API = `/api/documents/${MANIFESTO_ID}/versions`
export const COMPARE_API = `/api/documents/${MANIFESTO_ID}/compare`

/** A version as the API gives it. */
export type VersionJson = ReturnType<typeof versionJson>

/** The newest version the server has announced in the room (its presence field `history.latest`). */
function announced(client: TestClient): string | null {
  for (const state of client.provider.awareness.getStates().values()) {
    const latest = (state as { history?: { latest?: unknown } }).history?.latest
    if (typeof latest === 'string') return latest
  }
  return null
}

/** Resolves with the id of the next version the server records while `client` is connected. */
export async function nextVersion(client: TestClient): Promise<string> {
  const before = announced(client)
  await until(() => announced(client) !== before && announced(client) !== null, [client.provider.awareness], 'change', 'a new version')
  return announced(client)!
}

export async function listVersions(server: TestServer, person: SignedIn | null = null): Promise<VersionJson[]> {
  const response = await as(server, person).get(VERSIONS_API)
  if (!response.ok) throw new Error(`listing versions answered ${response.status}: ${await response.text()}`)
  return ((await response.json()) as { versions: VersionJson[] }).versions
}

/** Names the current text; resolves with the version. */
export async function nameVersion(server: TestServer, maintainer: SignedIn, name: string, note?: string): Promise<VersionJson> {
  const response = await as(server, maintainer).post(VERSIONS_API, { name, ...(note === undefined ? {} : { note }) })
  if (response.status !== 201) throw new Error(`naming a version answered ${response.status}: ${await response.text()}`)
  return ((await response.json()) as { version: VersionJson }).version
}
