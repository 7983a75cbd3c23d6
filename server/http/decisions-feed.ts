/** The Decisions log as an Atom feed: one entry per decision, newest first. */
import type { Person } from '../attribution/people'
import type { DocumentMeta } from '../storage/store'
import type { DecisionLogEntry } from './decisions'

const VERBS: Record<DecisionLogEntry['action'], string> = {
  accepted: 'Accepted',
  rejected: 'Rejected',
  superseded: 'Superseded',
  reopened: 'Reopened',
  withdrawn: 'Withdrawn',
}

/** Long enough to recognise a suggestion in a feed reader's list. */
const TITLE_EXCERPT = 80

export function decisionsFeed(document: DocumentMeta, log: DecisionLogEntry[], lookup: (id: string) => Person, site: string): string {
  const page = `${site}/d/${encodeURIComponent(document.id)}/decisions`
  const updated = new Date(log[0]?.at ?? Date.parse(document.createdAt)).toISOString()
  const entries = log.map((entry) => {
    const decider = lookup(entry.by).displayName
    const proposer = entry.suggestion.author ? lookup(entry.suggestion.author).displayName : 'someone'
    const change = describeChange(entry)
    const lines = [
      `${VERBS[entry.action]} by ${decider}.`,
      `Suggested by ${proposer}${entry.suggestion.section ? `, in “${entry.suggestion.section}”` : ''}: ${change}`,
      entry.reason ? `Reason: ${entry.reason}` : 'No reason given.',
    ]
    return [
      '  <entry>',
      `    <id>urn:uuid:${escape(entry.id)}</id>`,
      `    <title>${escape(`${VERBS[entry.action]}: ${excerpt(change)}`)}</title>`,
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

function describeChange({ suggestion }: DecisionLogEntry): string {
  const inserted = suggestion.inserted ? `add “${suggestion.inserted}”` : ''
  const deleted = suggestion.deleted ? `remove “${suggestion.deleted}”` : ''
  const words = [deleted, inserted].filter(Boolean).join(' and ')
  if (words) return words
  if (suggestion.retype) return `change ${suggestion.retype.from} to ${suggestion.retype.to}`
  if (suggestion.wrap) return suggestion.wrap === 'quote' ? 'quote' : `make a ${suggestion.wrap}`
  if (suggestion.unwrap) return suggestion.unwrap === 'quote' ? 'unquote' : `take out of the ${suggestion.unwrap}`
  if (suggestion.kinds?.includes('format')) return 'change formatting'
  if (suggestion.kinds?.includes('paragraph')) return 'change paragraph breaks'
  return 'a change'
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
