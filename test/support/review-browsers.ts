/** The manifesto open in two browsers, for the suggestion end-to-end tests. */
import { MANIFESTO_ID } from '../../server/documents/manifesto'
import { signUp, signUpMaintainer } from './accounts'
import { launchBrowser, signedInVisitor } from './browser'
import { startServer } from './server'

export const MANIFESTO_PAGE = `/d/${MANIFESTO_ID}`

/** Carla, a contributor, and Mara, a maintainer, each with the manifesto open in a browser of their own. */
export async function openTheManifesto() {
  const server = await startServer()
  const mara = await signUpMaintainer(server, 'mara', { displayName: 'Mara' })
  const carla = await signUp(server, 'carla', 'Carla')
  const browser = await launchBrowser()
  const contributor = await signedInVisitor(browser, server.url, carla)
  const maintainer = await signedInVisitor(browser, server.url, mara)
  await Promise.all([contributor.page.goto(`${server.url}${MANIFESTO_PAGE}`), maintainer.page.goto(`${server.url}${MANIFESTO_PAGE}`)])
  return { server, browser, contributor, maintainer }
}
