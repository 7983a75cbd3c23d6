/**
 * The decoded snapshots of a loaded document's versions, kept while the document is in
 * memory. Every read of a version needs the delete sets of all versions before it
 * (snapshots.ts); decoding them all again for each read grows with the history, so the chain
 * is decoded once and extended as versions are added, which is the only way it changes.
 */
import type * as Y from 'yjs'
import { decodeChain, decodeRelative } from './snapshots'
import type { StoredVersion } from './version-model'

export class SnapshotChain {
  private ids: string[] = []
  private snapshots: Y.Snapshot[] = []

  /** Each version's full snapshot, in the order of `versions`. */
  of(versions: readonly StoredVersion[]): Y.Snapshot[] {
    const continues = this.ids.length <= versions.length && this.ids.every((id, index) => versions[index]!.id === id)
    if (!continues) this.snapshots = decodeChain(versions.map((version) => version.snapshot))
    else {
      for (const version of versions.slice(this.ids.length)) {
        this.snapshots.push(decodeRelative(version.snapshot, this.snapshots.at(-1)?.ds ?? null))
      }
    }
    this.ids = versions.map((version) => version.id)
    return this.snapshots
  }
}
