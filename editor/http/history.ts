/**
 * Version history (server/http/versions.ts): the recorded versions of a document, one version's
 * text, the changelog of a named version, the comparison of any two, and, for maintainers,
 * naming the current text and restoring an old version. Readers may read all of it.
 * Answers are checked with zod at this edge.
 */
import { z } from 'zod'
import { requestJson } from './api-error'
import { documentPath } from './documents'
import { unexpected } from './response-shape'

const person = z.object({ id: z.string(), username: z.string(), displayName: z.string(), color: z.string() })
const people = z.record(z.string(), person)
export type HistoryPerson = z.infer<typeof person>
export type HistoryPeople = z.infer<typeof people>

export const VERSION_KINDS = ['edits', 'decision', 'named', 'restore'] as const
export type VersionKind = (typeof VERSION_KINDS)[number]

const versionSummary = z.object({
  id: z.string(),
  number: z.number(),
  at: z.string(),
  kind: z.enum(VERSION_KINDS),
  name: z.string().nullable(),
  note: z.string().nullable(),
  namedBy: z.string().nullable(),
  /** Whose edits it holds since the previous version; the starter text is nobody's. */
  people: z.array(z.string()),
  added: z.number(),
  removed: z.number(),
  decisions: z.array(z.string()),
  restoredFrom: z.string().nullable(),
})
export type VersionSummary = z.infer<typeof versionSummary>

const versionList = z.object({
  versions: z.array(versionSummary),
  people,
  lastVisit: z.object({ at: z.string() }).nullable(),
})
export type VersionList = z.infer<typeof versionList>

/** ProseMirror JSON in the schema of model/schema; the editor checks it when it draws it. */
const content = z.record(z.string(), z.unknown())
export type VersionContent = z.infer<typeof content>

const versionDetail = z.object({ version: versionSummary, content })
export type VersionDetail = z.infer<typeof versionDetail>

/** A person's share of a change; null is the starter text, written by the server. */
const share = z.object({ person: z.string().nullable(), added: z.number(), removed: z.number() })
export type ChangeShare = z.infer<typeof share>

const changelogDecision = z.object({
  id: z.string(),
  action: z.enum(['accepted', 'rejected', 'superseded', 'reopened', 'withdrawn']),
  by: z.string(),
  at: z.string(),
  reason: z.string().nullable(),
  suggestion: z.object({
    id: z.string(),
    author: z.string().optional(),
    inserted: z.string().optional(),
    deleted: z.string().optional(),
    kinds: z.array(z.string()).optional(),
  }),
})
export type ChangelogDecision = z.infer<typeof changelogDecision>

const changelog = z.object({
  version: versionSummary,
  since: versionSummary.nullable(),
  added: z.number(),
  removed: z.number(),
  contributors: z.array(share),
  decisions: z.array(changelogDecision),
  people,
})
export type Changelog = z.infer<typeof changelog>

/** One end of a comparison; `number` is null for the current text or the last visit. */
const end = z.object({ id: z.string(), number: z.number().nullable(), at: z.string(), name: z.string().nullable() })
export type ComparisonEnd = z.infer<typeof end>

const comparison = z.object({
  from: end,
  to: end,
  content,
  summary: z.object({ added: z.number(), removed: z.number(), people: z.array(share) }),
  people,
})
export type Comparison = z.infer<typeof comparison>

const versionAnswer = z.object({ version: versionSummary })

/** What the compare endpoint takes besides version ids. */
export const CURRENT = 'current'
export const LAST_VISIT = 'last-visit'

function parsed<Schema extends z.ZodType>(schema: Schema, body: unknown, what: string): z.infer<Schema> {
  const result = schema.safeParse(body)
  if (!result.success) throw unexpected(what)
  return result.data
}

const versionsPath = (documentId: string) => `${documentPath(documentId)}/versions`
const versionPath = (documentId: string, versionId: string) => `${versionsPath(documentId)}/${encodeURIComponent(versionId)}`

/** Every recorded version, oldest first, with the people they name and the caller's last visit. */
export async function getVersions(documentId: string, signal?: AbortSignal): Promise<VersionList> {
  return parsed(versionList, await requestJson(versionsPath(documentId), { signal }), 'a list of versions')
}

export async function getVersion(documentId: string, versionId: string, signal?: AbortSignal): Promise<VersionDetail> {
  return parsed(versionDetail, await requestJson(versionPath(documentId, versionId), { signal }), 'a version')
}

export async function getChangelog(documentId: string, versionId: string, signal?: AbortSignal): Promise<Changelog> {
  return parsed(changelog, await requestJson(`${versionPath(documentId, versionId)}/changelog`, { signal }), 'a changelog')
}

/** `from` and `to` are version ids, or LAST_VISIT (from) and CURRENT (to). */
export async function compareVersions(documentId: string, from: string, to: string, signal?: AbortSignal): Promise<Comparison> {
  const query = `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`
  return parsed(comparison, await requestJson(`${documentPath(documentId)}/compare?${query}`, { signal }), 'a comparison')
}

/** Where the server renders a version as a file (an attachment), for a plain download link. */
export function versionExportUrl(documentId: string, versionId: string, format: 'markdown' | 'html'): string {
  return `${versionPath(documentId, versionId)}?format=${format}`
}

/** Maintainers: names the current text (a new version, or the latest one if nothing changed since). */
export async function nameCurrentVersion(documentId: string, name: string, note: string): Promise<VersionSummary> {
  const body = await requestJson(versionsPath(documentId), { method: 'POST', body: JSON.stringify(note ? { name, note } : { name }) })
  return parsed(versionAnswer, body, 'a named version').version
}

/** Maintainers: names (or renames) a version already recorded. */
export async function nameVersion(documentId: string, versionId: string, name: string, note: string): Promise<VersionSummary> {
  const body = await requestJson(versionPath(documentId, versionId), { method: 'PATCH', body: JSON.stringify(note ? { name, note } : { name }) })
  return parsed(versionAnswer, body, 'a named version').version
}

/** Maintainers: makes an old version's text the current one, as a new version; the history keeps everything. */
export async function restoreVersion(documentId: string, versionId: string): Promise<VersionSummary> {
  const body = await requestJson(`${versionPath(documentId, versionId)}/restore`, { method: 'POST', body: '{}' })
  return parsed(versionAnswer, body, 'a restored version').version
}
