/**
 * One pending suggestion in the review panel: who proposed what and when, its reason and
 * replies, and what this person may do with it (decide, withdraw, show it in the text).
 */
import type { People, SuggestionRecord, Verdict } from '../http/suggestions'
import type { SuggestionSummary } from '../../model/schema/suggestion-list'
import { usePendingAction } from '../ui/use-pending-action'
import { DecisionForm } from './DecisionForm'
import { SuggestionThread } from './SuggestionThread'

export interface CardPermissions {
  readonly decide: boolean
  readonly reply: boolean
  /** The signed-in person's user id, or null. */
  readonly me: string | null
}

export interface CardActions {
  readonly show: (suggestion: SuggestionSummary) => void
  readonly decide: (id: string, verdict: Verdict, reason: string) => Promise<void>
  readonly withdraw: (id: string) => Promise<void>
  readonly explain: (id: string, text: string) => Promise<void>
  readonly reply: (id: string, text: string) => Promise<void>
}

interface SuggestionCardProps {
  readonly suggestion: SuggestionSummary
  readonly record: SuggestionRecord | undefined
  readonly people: People
  readonly permissions: CardPermissions
  readonly actions: CardActions
  readonly focused: boolean
}

const KIND_LABELS = { insert: 'Add', delete: 'Remove', format: 'Formatting', paragraph: 'Paragraph break', retype: 'Block type', wrap: 'List or quote', unwrap: 'List or quote' } as const

export function SuggestionCard({ suggestion, record, people, permissions, actions, focused }: SuggestionCardProps) {
  const author = people[suggestion.author]
  const withdrawal = usePendingAction()
  const isAuthor = permissions.me === suggestion.author
  const name = author?.displayName ?? 'Someone'
  return (
    <article
      className="suggestion-card"
      data-testid="suggestion-card"
      data-suggestion-id={suggestion.id}
      data-focused={focused || undefined}
      style={{ ['--suggestion-colour' as string]: author?.color }}
      aria-label={`Suggestion by ${name}`}
    >
      <header className="suggestion-card__header">
        <span className="suggestion-card__dot" aria-hidden="true" />
        <strong>{name}</strong>
        <time dateTime={new Date(suggestion.createdAt).toISOString()} title={new Date(suggestion.createdAt).toLocaleString()}>
          {new Date(suggestion.createdAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}
        </time>
      </header>
      <p className="suggestion-card__kinds">{suggestion.kinds.map((kind) => KIND_LABELS[kind]).join(' · ')}</p>
      <button type="button" className="suggestion-card__text" onClick={() => actions.show(suggestion)} title="Show in the text">
        {suggestion.deleted && <del>{suggestion.deleted}</del>}
        {suggestion.deleted && suggestion.inserted && ' → '}
        {suggestion.inserted && <ins>{suggestion.inserted}</ins>}
        {!suggestion.deleted && !suggestion.inserted && <span>{wordlessChange(suggestion)}</span>}
      </button>
      <SuggestionThread
        record={record}
        people={people}
        isAuthor={isAuthor}
        canReply={permissions.reply}
        onExplain={(text) => actions.explain(suggestion.id, text)}
        onReply={(text) => actions.reply(suggestion.id, text)}
      />
      {permissions.decide && <DecisionForm subject={`the suggestion by ${name}`} onDecide={(verdict, reason) => actions.decide(suggestion.id, verdict, reason)} />}
      {isAuthor && (
        <div className="decision-buttons">
          <button type="button" className="button button--small button--quiet" disabled={withdrawal.pending} onClick={() => void withdrawal.run(() => actions.withdraw(suggestion.id))}>
            Withdraw
          </button>
          {withdrawal.error && <p role="alert">{withdrawal.error}</p>}
        </div>
      )}
    </article>
  )
}

/** "Make a bulleted list", "Quote". */
function wrapDescription(wrap: string): string {
  return wrap === 'quote' ? 'Quote' : `Make a ${wrap}`
}

/** What a suggestion with no text of its own changes. */
function wordlessChange({ kinds, retype, wrap, unwrap }: SuggestionSummary): string {
  if (retype) return `Change ${retype.from} to ${retype.to}`
  if (wrap) return wrapDescription(wrap)
  if (unwrap) return unwrap === 'quote' ? 'Unquote' : `Take out of the ${unwrap}`
  return kinds.includes('format') ? 'Change formatting' : 'Change paragraph breaks'
}
