/**
 * A document's versions: recording them, naming them, restoring one, and reading them back.
 * Permission checks are the caller's (server/http/versions.ts). Work on one document runs one
 * piece at a time, so a version always follows the one before it.
 */
import { randomUUID } from 'node:crypto'
import * as Y from 'yjs'
import { listSuggestions } from '../../model/schema/suggestion-list'
import { readContent, type DocumentModel } from '../documents/content'
import { DocumentQueue } from '../documents/document-queue'
import type { Attribution } from '../attribution/attribution-extension'
import type { DocumentView, Extension } from '../collab/hooks'
import type { KindRecords } from '../storage/record-kind'
import type { Store } from '../storage/store'
import { historyRecorder, type HistoryDocument, type VersionRecorder, type VisitBatch } from './history-recorder'
import { restoreVersion } from './restore'
import { decodeRelative, encodeRelative } from './snapshots'
import { compareVersions, readVersion } from './version-reader'
import { lastVisit, returned } from './visits'
import { historyRecords, type HistoryRecord, type StoredVersion, type StoredVisit, type VersionKind } from './version-model'

export type HistoryProblem = 'version_not_found' | 'no_last_visit' | 'suggestions_pending'

export class HistoryError extends Error {
  override name = 'HistoryError'
  constructor(
    readonly id: HistoryProblem,
    message: string,
  ) {
    super(message)
  }
}

/** Another server recorded a version since this one read the history. */
class HistoryMovedOn extends Error {
  override name = 'HistoryMovedOn'
}

/** Tries at recording one version: each retry follows a version another server recorded meanwhile, and servers do not record many a second. */
const MOST_ATTEMPTS = 5

export interface HistoryOptions {
  store: Store
  model: DocumentModel
  /** Who wrote what in a loaded document: each version says whose its changes were. */
  attribution: Attribution
  /** The document, if it is loaded: a name given to a version is announced to its open pages. */
  loadedDocument: (documentId: string) => DocumentView | undefined
  now: () => number
  /** When to record a version after edits (see server/config.ts). */
  idleMs: number
  maxMs: number
  /** How long someone must be away for their next visit to be a new one (see visits.ts). */
  visitGapMs: number
  onError: (documentId: string, error: unknown) => void
}

export interface VersionRequest {
  kind: VersionKind
  by?: string | null
  decisions?: string[]
  restoredFrom?: string | null
  name?: { name: string; note: string | null; by: string }
}

/** A point in the history to read or compare: a version, the current text, or someone's last visit. */
export interface HistoryPoint {
  snapshot: Y.Snapshot
  at: number
  version: StoredVersion | null
}

export class History implements VersionRecorder {
  /** The extension that records versions as people edit; list it after persistence. */
  readonly extension: Extension<HistoryDocument>
  private readonly queue = new DocumentQueue()
  private readonly records: KindRecords<HistoryRecord>

  constructor(private readonly options: HistoryOptions) {
    this.records = options.store.records(historyRecords)
    this.extension = historyRecorder(this, { idleMs: options.idleMs, maxMs: options.maxMs })
  }

  reportError(documentId: string, error: unknown): void {
    this.options.onError(documentId, error)
  }

  recordEdits(document: DocumentView): Promise<StoredVersion | null> {
    return this.record(document, { kind: 'edits' })
  }

  /** The newest version's full snapshot, or null before the first. */
  latestSnapshot(document: DocumentView, history: HistoryRecord): Y.Snapshot | null {
    return this.chainOf(document, history).at(-1) ?? null
  }

  read(documentId: string): Promise<HistoryRecord> {
    return this.records.read(documentId)
  }

  /** The record once any version being recorded is in it: a version announced is a version listed. */
  list(documentId: string): Promise<HistoryRecord> {
    return this.queue.idle(documentId).then(() => this.read(documentId))
  }

  /** Records the text as it stands now. An `edits` version is skipped when nothing changed since the last. */
  record(document: DocumentView, request: VersionRequest): Promise<StoredVersion | null> {
    return this.queue.run(document.documentId, () => this.recordNow(document, request))
  }

  /** Names the text as it stands: the newest version if nothing changed since it, else a new one. */
  name(document: DocumentView, name: NonNullable<VersionRequest['name']>): Promise<StoredVersion> {
    const { documentId } = document
    return this.queue.run(documentId, async () => {
      const history = await this.read(documentId)
      const latest = history.versions.at(-1)
      const chain = this.chainOf(document, history)
      // A name already given is never overwritten this way: naming the same text again is a new version.
      const unchanged = latest !== undefined && Y.equalSnapshots(chain.at(-1)!, Y.snapshot(document.doc))
      if (unchanged && latest.name === null) return this.rename(documentId, latest.id, name)
      return (await this.recordNow(document, { kind: 'named', name }, true))!
    })
  }

  /** Names (or renames) a version that was recorded earlier. */
  async rename(documentId: string, versionId: string, { name, note, by }: NonNullable<VersionRequest['name']>): Promise<StoredVersion> {
    let named: StoredVersion | undefined
    const history = await this.records.update(documentId, (changed) => {
      named = changed.versions.find((version) => version.id === versionId)
      if (!named) throw notFound(versionId)
      Object.assign(named, { name, note, namedBy: by })
    })
    const loaded = this.options.loadedDocument(documentId)
    if (loaded) this.announce(loaded, history.versions.at(-1)!.id)
    return named!
  }

  /** Makes the text what version `versionId` held, as a new edit by `by`; the restore is a version too. */
  restore(document: DocumentView, versionId: string, by: string): Promise<StoredVersion> {
    return this.queue.run(document.documentId, async () => {
      const pending = listSuggestions(readContent(this.options.model, document.doc))
      if (pending.length > 0) {
        throw new HistoryError('suggestions_pending', `${pending.length} suggestion${pending.length === 1 ? ' is' : 's are'} pending. Accept or reject ${pending.length === 1 ? 'it' : 'them'} first, so that nobody's idea disappears without a decision.`)
      }
      const point = await this.pointNow(document, versionId)
      restoreVersion(this.options.model, document.doc, readVersion(document.doc, point.snapshot), { author: by, time: this.options.now() })
      await document.settle()
      return (await this.recordNow(document, { kind: 'restore', by, restoredFrom: versionId }, true))!
    })
  }

  /** A version, the current text (`current`), or the caller's last visit (`last-visit`). */
  point(document: DocumentView, reference: string, user: string | null = null): Promise<HistoryPoint> {
    // After any version being recorded, so that a version just reported is there to read.
    return this.queue.idle(document.documentId).then(() => this.pointNow(document, reference, user))
  }

  /** `user` opened the document: if they had been away long enough, a new visit begins. */
  returned(document: DocumentView, user: string): Promise<void> {
    return this.noteVisit(document, 'arrived', user)
  }

  /** Notes what `user` has seen of the document: the text as it stands as they leave. */
  visited(document: DocumentView, user: string): Promise<void> {
    return this.noteVisit(document, 'left', user)
  }

  /**
   * Arrivals and departures are written in batches: everyone who came or went while the
   * document's queue was busy is written at once, in one write of the record. One write per
   * connection would let a burst of connections (a reconnecting crowd, or a flood) queue
   * thousands of writes ahead of the next version.
   */
  private noteVisit(document: DocumentView, kind: keyof VisitBatch['people'], user: string): Promise<void> {
    const batch = document.stateOf(this.extension).visits
    batch.people[kind].add(user)
    batch.written ??= this.queue.run(document.documentId, () => this.writeVisits(document, batch))
    return batch.written
  }

  private async writeVisits(document: DocumentView, batch: VisitBatch): Promise<void> {
    const arrived = [...batch.people.arrived]
    const left = [...batch.people.left]
    // Whoever comes or goes from here on is in the next batch.
    batch.people.arrived.clear()
    batch.people.left.clear()
    batch.written = null
    const { documentId } = document
    const history = await this.read(documentId)
    const now = this.options.now()
    const changes = new Map<string, StoredVisit>()
    for (const user of arrived) {
      const visit = history.visits[user]
      const next = returned(visit, now, this.options.visitGapMs)
      if (next && next !== visit) changes.set(user, next)
    }
    if (left.length > 0) {
      const chain = this.chainOf(document, history)
      const base = history.versions.at(-1) ?? null
      const seen = { at: now, base: base?.id ?? null, snapshot: encodeRelative(Y.snapshot(document.doc), chain.at(-1)?.ds ?? null) }
      for (const user of left) changes.set(user, { seen, since: (changes.get(user) ?? history.visits[user])?.since ?? null })
    }
    if (changes.size === 0) return
    await this.records.update(documentId, (changed) => {
      for (const [user, visit] of changes) changed.visits[user] = visit
    })
  }

  /** When `user`'s last visit ended, if they have had one. */
  lastVisitOf(history: HistoryRecord, user: string): number | null {
    return lastVisit(history.visits[user], this.options.now(), this.options.visitGapMs)?.at ?? null
  }

  private async pointNow(document: DocumentView, reference: string, user: string | null = null): Promise<HistoryPoint> {
    if (reference === 'current') return { snapshot: Y.snapshot(document.doc), at: this.options.now(), version: null }
    const history = await this.read(document.documentId)
    const chain = this.chainOf(document, history)
    if (reference === 'last-visit') {
      const visit = user === null ? null : lastVisit(history.visits[user], this.options.now(), this.options.visitGapMs)
      if (!visit) throw new HistoryError('no_last_visit', 'There is no earlier visit of yours to compare with.')
      const base = visit.base === null ? -1 : history.versions.findIndex((version) => version.id === visit.base)
      return { snapshot: decodeRelative(visit.snapshot, chain[base]?.ds ?? null), at: visit.at, version: null }
    }
    const index = history.versions.findIndex((version) => version.id === reference)
    if (index === -1) throw notFound(reference)
    return { snapshot: chain[index]!, at: history.versions[index]!.at, version: history.versions[index]! }
  }

  private async recordNow(document: DocumentView, request: VersionRequest, always = false): Promise<StoredVersion | null> {
    const authors = document.stateOf(this.extension).pending.take()
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.recordOnce(document, request, always, authors)
      } catch (error) {
        if (!(error instanceof HistoryMovedOn) || attempt === MOST_ATTEMPTS) throw error
      }
    }
  }

  /**
   * Each version is stored relative to the one before it (snapshots.ts), so it is written only
   * if that one is still the newest: another server sharing the storage may have recorded one
   * since this one read the history (HistoryMovedOn), and then the version is made again on top.
   */
  private async recordOnce(document: DocumentView, request: VersionRequest, always: boolean, authors: Iterable<string>): Promise<StoredVersion | null> {
    const { documentId } = document
    const history = await this.read(documentId)
    const chain = this.chainOf(document, history)
    const previous = history.versions.at(-1)
    const latest = chain.at(-1) ?? null
    const now = Y.snapshot(document.doc)
    if (!always && latest !== null && Y.equalSnapshots(latest, now)) return null
    const attribution = this.options.attribution.indexOf(document)
    const { summary } = compareVersions(document.doc, attribution, latest ?? Y.emptySnapshot, previous?.at ?? 0, now)
    const people = new Set(authors)
    for (const { person } of summary.people) if (person !== null) people.add(person)
    const version: StoredVersion = {
      id: randomUUID(),
      number: (previous?.number ?? 0) + 1,
      at: this.options.now(),
      kind: request.kind,
      name: request.name?.name ?? null,
      note: request.name?.note ?? null,
      namedBy: request.name?.by ?? null,
      by: request.by ?? null,
      people: [...people],
      added: summary.added,
      removed: summary.removed,
      decisions: request.decisions ?? [],
      restoredFrom: request.restoredFrom ?? null,
      snapshot: encodeRelative(now, latest?.ds ?? null),
    }
    await this.records.update(documentId, (changed) => {
      if (changed.versions.at(-1)?.id !== previous?.id) throw new HistoryMovedOn()
      changed.versions.push(version)
    })
    this.announce(document, version.id)
    return version
  }

  /** Each version's full snapshot, decoded once per loaded document (snapshot-chains.ts). */
  private chainOf(document: DocumentView, history: HistoryRecord): Y.Snapshot[] {
    return document.stateOf(this.extension).chain.of(history.versions)
  }

  /** Tells open pages the record changed (docs/PROTOCOL.md): a new version, or a name. */
  private announce(document: DocumentView, latest: string): void {
    document.setServerPresence('history', { latest, revision: randomUUID() })
  }
}

function notFound(versionId: string): HistoryError {
  return new HistoryError('version_not_found', `No version has the id "${versionId.slice(0, 80)}".`)
}
