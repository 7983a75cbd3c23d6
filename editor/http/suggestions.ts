/**
 * Suggestions and decisions (server/http/suggestions.ts and decisions.ts): the review record of
 * every suggestion, deciding on them, what their authors say and the replies, and the public
 * Decisions log. Answers are checked with zod at this edge.
 */
import { z } from 'zod'
import { requestJson } from './api-error'
import { documentPath } from './documents'
import { unexpected } from './response-shape'

const person = z.object({ id: z.string(), username: z.string(), displayName: z.string(), color: z.string() })
const people = z.record(z.string(), person)
export type Person = z.infer<typeof person>
export type People = z.infer<typeof people>

export const SUGGESTION_STATUSES = ['pending', 'accepted', 'rejected', 'superseded', 'withdrawn'] as const
export type SuggestionStatus = (typeof SUGGESTION_STATUSES)[number]
const kind = z.enum(['insert', 'delete', 'format', 'paragraph', 'retype', 'wrap', 'unwrap'])

/** A change of block type, named for people: "paragraph", "heading 2". */
const retype = z.object({ from: z.string(), to: z.string() })

const decision = z.object({
  id: z.string(),
  suggestion: z.string(),
  action: z.enum(['accepted', 'rejected', 'superseded', 'reopened', 'withdrawn']),
  by: z.string(),
  at: z.string(),
  reason: z.string().nullable(),
  supersededBy: z.string().optional(),
})
export type Decision = z.infer<typeof decision>

const suggestion = z.object({
  id: z.string(),
  status: z.enum(SUGGESTION_STATUSES),
  author: z.string(),
  createdAt: z.string().nullable(),
  kinds: z.array(kind),
  inserted: z.string(),
  deleted: z.string(),
  section: z.string().nullable(),
  retype: retype.nullable().optional(),
  /** Blocks proposed to go in a list or a quote: what they would go in ("bulleted list", "quote"). */
  wrap: z.string().nullable().optional(),
  /** A list or quote proposed for taking away: what it is. */
  unwrap: z.string().nullable().optional(),
  from: z.number().nullable(),
  to: z.number().nullable(),
  competing: z.array(z.string()),
  rationale: z.object({ text: z.string(), at: z.string().nullable() }).nullable(),
  replies: z.array(z.object({ id: z.string(), author: z.string(), at: z.string().nullable(), text: z.string() })),
  decisions: z.array(decision),
  survival: z
    .object({ characters: z.number(), of: z.number(), text: z.string(), editedBy: z.array(z.string().nullable()) })
    .nullable(),
})
export type SuggestionRecord = z.infer<typeof suggestion>

const suggestionList = z.object({ suggestions: z.array(suggestion), people })
export type SuggestionList = z.infer<typeof suggestionList>

const logEntry = decision.extend({
  suggestion: z.object({
    id: z.string(),
    author: z.string().optional(),
    createdAt: z.string().nullable(),
    kinds: z.array(kind).optional(),
    inserted: z.string().optional(),
    deleted: z.string().optional(),
    section: z.string().nullable().optional(),
    retype: retype.nullable().optional(),
    wrap: z.string().nullable().optional(),
    unwrap: z.string().nullable().optional(),
  }),
})
export type DecisionLogEntry = z.infer<typeof logEntry>
const decisionLog = z.object({ decisions: z.array(logEntry), people })
export type DecisionLog = z.infer<typeof decisionLog>

function parsed<Schema extends z.ZodType>(schema: Schema, body: unknown, what: string): z.infer<Schema> {
  const result = schema.safeParse(body)
  if (!result.success) throw unexpected(what)
  return result.data
}

const suggestionsPath = (documentId: string) => `${documentPath(documentId)}/suggestions`
const post = (path: string, body: unknown) => requestJson(path, { method: 'POST', body: JSON.stringify(body) })

export async function getSuggestions(documentId: string, filter: { author?: string } = {}, signal?: AbortSignal): Promise<SuggestionList> {
  const query = filter.author ? `?author=${encodeURIComponent(filter.author)}` : ''
  return parsed(suggestionList, await requestJson(`${suggestionsPath(documentId)}${query}`, { signal }), 'a list of suggestions')
}

export async function getDecisionLog(documentId: string, signal?: AbortSignal): Promise<DecisionLog> {
  return parsed(decisionLog, await requestJson(`${documentPath(documentId)}/decisions`, { signal }), 'a decisions log')
}

export function decisionFeedUrl(documentId: string): string {
  return `${documentPath(documentId)}/decisions.atom`
}

export type Verdict = 'accept' | 'reject'

/** Accepts or rejects one suggestion; a reason is required to reject. */
export async function decide(documentId: string, id: string, verdict: Verdict, reason: string): Promise<void> {
  await post(`${suggestionsPath(documentId)}/${encodeURIComponent(id)}/${verdict}`, reason ? { reason } : {})
}

/** Accepts or rejects many at once; resolves with how many could not be decided (already decided or superseded). */
export async function decideMany(documentId: string, ids: string[], verdict: Verdict, reason: string): Promise<number> {
  const body = await post(`${suggestionsPath(documentId)}/decide`, { action: verdict, ids, ...(reason ? { reason } : {}) })
  const results = parsed(z.object({ results: z.array(z.object({ id: z.string(), error: z.unknown().optional() })) }), body, 'decisions')
  return results.results.filter((result) => result.error !== undefined).length
}

export async function reopen(documentId: string, id: string, reason: string): Promise<void> {
  await post(`${suggestionsPath(documentId)}/${encodeURIComponent(id)}/reopen`, reason ? { reason } : {})
}

export async function withdraw(documentId: string, id: string): Promise<void> {
  await post(`${suggestionsPath(documentId)}/${encodeURIComponent(id)}/withdraw`, {})
}

export async function explain(documentId: string, id: string, text: string): Promise<void> {
  await requestJson(`${suggestionsPath(documentId)}/${encodeURIComponent(id)}/rationale`, { method: 'PUT', body: JSON.stringify({ text }) })
}

export async function reply(documentId: string, id: string, text: string): Promise<void> {
  await post(`${suggestionsPath(documentId)}/${encodeURIComponent(id)}/replies`, { text })
}
