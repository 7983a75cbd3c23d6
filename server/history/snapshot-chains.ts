/**
 * The decoded snapshots of each loaded document's versions, kept while the document is in
 * memory. Every read of a version needs the delete sets of all versions before it
 * (snapshots.ts); decoding them all again for each read grows with the history, so the chain
 * is decoded once and extended as versions are added, which is the only way it changes.
 */
import type * as Y from 'yjs'
import { decodeChain, decodeRelative } from './snapshots'
import type { StoredVersion } from './version-model'

interface Chain {
  ids: string[]
  snapshots: Y.Snapshot[]
}

export class SnapshotChains {
  private readonly chains = new Map<string, Chain>()

  /** Each version's full snapshot, in the order of `versions`. */
  of(documentId: string, versions: readonly StoredVersion[]): Y.Snapshot[] {
    const known = this.chains.get(documentId)
    const continues = known !== undefined && known.ids.length <= versions.length && known.ids.every((id, index) => versions[index]!.id === id)
    const chain: Chain = continues ? known : { ids: [], snapshots: [] }
    if (!continues) chain.snapshots.push(...decodeChain(versions.map((version) => version.snapshot)))
    else {
      for (const version of versions.slice(chain.ids.length)) {
        chain.snapshots.push(decodeRelative(version.snapshot, chain.snapshots.at(-1)?.ds ?? null))
      }
    }
    chain.ids = versions.map((version) => version.id)
    this.chains.set(documentId, chain)
    return chain.snapshots
  }

  forget(documentId: string): void {
    this.chains.delete(documentId)
  }
}
