/**
 * The Decisions log as an Atom feed (RFC 4287): one entry per decision, newest first. Only the
 * feed's shape is decided here; what each entry says comes from server/suggestions/decision-log.ts.
 */
import type { Person } from '../attribution/people'
import type { DocumentMeta } from '../storage/store'
import { tellDecision, type DecisionLogEntry } from '../suggestions/decision-log'

/** Long enough to recognise a suggestion in a feed reader's list. */
const TITLE_EXCERPT = 80

export function decisionsFeed(document: DocumentMeta, log: DecisionLogEntry[], lookup: (id: string) => Person, site: string): string {
  const page = `${site}/d/${encodeURIComponent(document.id)}/decisions`
  const updated = new Date(log[0]?.at ?? Date.parse(document.createdAt)).toISOString()
  const entries = log.map((entry) => {
    const { verb, decider, change, lines } = tellDecision(entry, (id) => lookup(id).displayName)
    return [
      '  <entry>',
      `    <id>urn:uuid:${escape(entry.id)}</id>`,
      `    <title>${escape(`${verb}: ${excerpt(change)}`)}</title>`,
      `    <updated>${new Date(entry.at).toISOString()}</updated>`,
      `    <author><name>${escape(decider)}</name></author>`,
      `    <link href="${escape(`${page}#decision-${entry.id}`)}"/>`,
      `    <content type="text">${escape(lines.join('\n'))}</content>`,
      '  </entry>',
    ].join('\n')
  })
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${escape(page)}</id>`,
    `  <title>${escape(`Decisions on ${document.title}`)}</title>`,
    `  <updated>${updated}</updated>`,
    `  <link rel="alternate" href="${escape(page)}"/>`,
    `  <link rel="self" href="${escape(`${site}/api/documents/${encodeURIComponent(document.id)}/decisions.atom`)}"/>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n')
}

function excerpt(text: string): string {
  return text.length <= TITLE_EXCERPT ? text : `${text.slice(0, TITLE_EXCERPT - 1)}…`
}

/**
 * Characters XML 1.0 forbids even as references: control characters other than tab and line
 * breaks, lone surrogates, U+FFFE and U+FFFF. People's reasons and names may hold them, and one
 * of them makes the whole feed unreadable to every feed reader, so they are left out.
 */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

function escape(text: string): string {
  return text.replace(NOT_XML, '').replace(/[<>&"']/g, (character) => `&#${character.charCodeAt(0)};`)
}
