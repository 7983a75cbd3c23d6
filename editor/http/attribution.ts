/**
 * Who wrote what (server/http/attribution.ts): the raw attribution index for the live
 * "Show authors" view, the contributors of a document, one person's passages, and the
 * credits per section. Readers without an account may read all of it.
 *
 * A person of `null` is the starter text the server wrote itself.
 */
import { requestJson } from './api-error'
import { documentPath } from './documents'
import { fieldOf, isRecord, stringOf, unexpected } from './response-shape'
import { readPublicUser, type PublicUser } from './users'

/** One run of a Yjs client's clocks: [start, end) written by `person` at `time` (ms since 1970). */
export interface AttributionRun {
  readonly start: number
  readonly end: number
  readonly person: string | null
  readonly time: number
}

/** The server's attribution index: for each Yjs client id, who wrote which of its clocks. */
export interface AttributionIndex {
  readonly people: ReadonlyMap<string, PublicUser>
  readonly clients: ReadonlyMap<number, readonly AttributionRun[]>
}

export interface Contributor {
  /** null: the starter text. */
  readonly person: PublicUser | null
  /** Characters of theirs in the current text. */
  readonly surviving: number
  /** Characters they ever wrote (text moved by a split or a change of block type counts once, for its writer). */
  readonly written: number
  /** Characters of anyone's text they deleted. */
  readonly deleted: number
  /** ISO 8601, or null when nothing was recorded. */
  readonly firstContribution: string | null
  readonly lastContribution: string | null
}

export interface Passage {
  readonly from: number
  readonly to: number
  readonly text: string
  /** The heading of the section it stands in; null for the opening before the first heading. */
  readonly section: string | null
  readonly time: string | null
}

export interface SectionCredits {
  readonly heading: string | null
  readonly level: number | null
  readonly credits: ReadonlyArray<{ readonly person: PublicUser | null; readonly characters: number }>
}

const numberOf = (record: Record<string, unknown>, name: string, what: string): number => {
  const value = record[name]
  if (typeof value !== 'number') throw unexpected(what)
  return value
}
const nullableString = (record: Record<string, unknown>, name: string, what: string): string | null =>
  record[name] === null ? null : stringOf(record, name, what)
const personOf = (value: unknown): PublicUser | null => (value === null ? null : readPublicUser(value))

export async function getAttributionIndex(documentId: string, signal?: AbortSignal): Promise<AttributionIndex> {
  const what = 'an attribution index'
  const body = await requestJson(`${documentPath(documentId)}/attribution`, { signal })
  const people = fieldOf(body, 'people')
  const clients = fieldOf(body, 'clients')
  if (!isRecord(people) || !Array.isArray(clients)) throw unexpected(what)
  return {
    people: new Map(Object.entries(people).map(([id, person]) => [id, readPublicUser(person)])),
    clients: new Map(
      clients.map((entry: unknown) => {
        if (!isRecord(entry) || typeof entry.client !== 'number' || !Array.isArray(entry.runs)) throw unexpected(what)
        const runs = entry.runs.map((run: unknown): AttributionRun => {
          if (!Array.isArray(run) || run.length !== 4) throw unexpected(what)
          const [start, end, person, time] = run as unknown[]
          if (typeof start !== 'number' || typeof end !== 'number' || typeof time !== 'number') throw unexpected(what)
          if (person !== null && typeof person !== 'string') throw unexpected(what)
          return { start, end, person, time }
        })
        return [entry.client, runs] as const
      }),
    ),
  }
}

function readContributor(value: unknown): Contributor {
  const what = 'a contributor'
  if (!isRecord(value)) throw unexpected(what)
  return {
    person: personOf(value.person),
    surviving: numberOf(value, 'surviving', what),
    written: numberOf(value, 'written', what),
    deleted: numberOf(value, 'deleted', what),
    firstContribution: nullableString(value, 'firstContribution', what),
    lastContribution: nullableString(value, 'lastContribution', what),
  }
}

/** Everyone who wrote or deleted in the document, most surviving characters first. */
export async function getContributors(documentId: string, signal?: AbortSignal): Promise<Contributor[]> {
  const contributors = fieldOf(await requestJson(`${documentPath(documentId)}/contributors`, { signal }), 'contributors')
  if (!Array.isArray(contributors)) throw unexpected('a list of contributors')
  return contributors.map(readContributor)
}

/** One person's numbers and their passages in the current text. Rejects with status 404 for an unknown username. */
export async function getContributions(
  documentId: string,
  username: string,
  signal?: AbortSignal,
): Promise<{ contributor: Contributor; passages: Passage[] }> {
  const what = 'a person’s contributions'
  const body = await requestJson(`${documentPath(documentId)}/contributors/${encodeURIComponent(username)}`, { signal })
  const passages = fieldOf(body, 'passages')
  if (!Array.isArray(passages)) throw unexpected(what)
  return {
    contributor: readContributor(fieldOf(body, 'contributor')),
    passages: passages.map((passage: unknown) => {
      if (!isRecord(passage)) throw unexpected(what)
      return {
        from: numberOf(passage, 'from', what),
        to: numberOf(passage, 'to', what),
        text: stringOf(passage, 'text', what),
        section: nullableString(passage, 'section', what),
        time: nullableString(passage, 'time', what),
      }
    }),
  }
}

export async function getCredits(documentId: string, signal?: AbortSignal): Promise<SectionCredits[]> {
  const what = 'credits'
  const sections = fieldOf(await requestJson(`${documentPath(documentId)}/credits`, { signal }), 'sections')
  if (!Array.isArray(sections)) throw unexpected(what)
  return sections.map((section: unknown) => {
    if (!isRecord(section) || !Array.isArray(section.credits)) throw unexpected(what)
    return {
      heading: nullableString(section, 'heading', what),
      level: typeof section.level === 'number' ? section.level : null,
      credits: section.credits.map((credit: unknown) => {
        if (!isRecord(credit)) throw unexpected(what)
        return { person: personOf(credit.person), characters: numberOf(credit, 'characters', what) }
      }),
    }
  })
}
