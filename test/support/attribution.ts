/** Reading attribution through the HTTP API, as a reader with no account would. */
import type { TestServer } from './server'

export interface AuthorshipResponse {
  text: string
  ranges: Array<{ from: number; to: number; author: string | null; time: string | null }>
  sections: Array<{ heading: string | null; level: number | null; from: number; to: number }>
  people: Record<string, { id: string; username: string; displayName: string; color: string }>
}

export interface ContributorResponse {
  person: { id: string; username: string; displayName: string } | null
  surviving: number
  written: number
  deleted: number
  firstContribution: string | null
  lastContribution: string | null
}

async function getJson<T>(server: Pick<TestServer, 'url'>, path: string): Promise<T> {
  const response = await fetch(`${server.url}${path}`)
  if (!response.ok) throw new Error(`GET ${path} answered ${response.status}: ${await response.text()}`)
  return (await response.json()) as T
}

export const authorshipOf = (server: Pick<TestServer, 'url'>, documentId: string) =>
  getJson<AuthorshipResponse>(server, `/api/documents/${documentId}/authorship`)

export const contributorsOf = async (server: Pick<TestServer, 'url'>, documentId: string) =>
  (await getJson<{ contributors: ContributorResponse[] }>(server, `/api/documents/${documentId}/contributors`)).contributors

/** The text each person wrote, in document order, joined: the easiest way to say "exactly their characters". */
export function textBy(authorship: AuthorshipResponse, author: string | null): string {
  return authorship.ranges
    .filter((range) => range.author === author)
    .map((range) => authorship.text.slice(range.from, range.to))
    .join('')
}
