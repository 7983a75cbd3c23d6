/** A manifesto with a maintainer and a contributor who suggests, for the review tests. */
import { MANIFESTO_ID } from '../../server/documents/manifesto'
import { signUp, signUpMaintainer, type SignedIn } from './accounts'
import { connectClient, type TestClient } from './clients'
import { startServer, type TestServer } from './server'
import { suggestEdit, type SuggestEdit } from './suggest-edit'

export const SUGGESTIONS_API = `/api/documents/${MANIFESTO_ID}/suggestions`

export interface Setup {
  server: TestServer
  mara: SignedIn
  carla: SignedIn
  contributor: TestClient
}

/** A manifesto with a maintainer (Mara) and a contributor (Carla) who is connected and may only suggest. */
export async function setup(): Promise<Setup> {
  const server = await startServer()
  const mara = await signUpMaintainer(server, 'mara', { displayName: 'Mara' })
  const carla = await signUp(server, 'carla', 'Carla')
  const contributor = connectClient(server, MANIFESTO_ID, carla)
  await contributor.synced()
  return { server, mara, carla, contributor }
}

export interface Suggester {
  person: SignedIn
  client: TestClient
}

/** Another contributor, connected and synced. */
export async function joinAsContributor(server: TestServer, username: string): Promise<Suggester> {
  const person = await signUp(server, username, username)
  const client = connectClient(server, MANIFESTO_ID, person)
  await client.synced()
  return { person, client }
}

/** Makes `edit` as a suggestion (by Carla unless told) and waits until the server has it. */
export async function suggest(setup: Setup, edit: SuggestEdit, by: Suggester = { person: setup.carla, client: setup.contributor }): Promise<string> {
  const id = suggestEdit(by.client.doc, by.person.user.id, edit)
  await by.client.allSaved()
  return id
}

