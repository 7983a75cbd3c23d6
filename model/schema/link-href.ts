/**
 * Which link addresses the document may hold as links: web pages and email, nothing that can
 * run script or carry a page of its own (javascript:, data:, vbscript:, ...).
 *
 * Shared by the editor (the Link extension's check, the link form and the link preview) and
 * the server's exports, so a link that arrives over the websocket with any other address is
 * shown and exported as plain text. The check parses the address with URL, as a browser
 * would, so "java\tscript:" or a leading control character is read the way a browser reads it.
 */
export const LINK_PROTOCOLS = ['http', 'https', 'mailto'] as const

const ALLOWED = new Set<string>(LINK_PROTOCOLS.map((protocol) => `${protocol}:`))

/** Whether `href` is an absolute http, https or mailto address. */
export function isAllowedHref(href: unknown): href is string {
  if (typeof href !== 'string') return false
  try {
    return ALLOWED.has(new URL(href).protocol)
  } catch {
    return false
  }
}
