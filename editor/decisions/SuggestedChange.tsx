/**
 * What a suggestion proposed, as the document showed it: removed text struck through, added
 * text underlined, long text shortened. A change with no words (formatting, a paragraph break, a
 * change of block type)
 * says what kind it was.
 */
import { type Excerpt, excerpt } from '../contributors/excerpt'
import type { SuggestionRecord } from '../http/suggestions'
import '../ui/prose-excerpt.css'
import './suggested-change.css'

type Change = Partial<Pick<SuggestionRecord, 'inserted' | 'deleted' | 'kinds' | 'retype' | 'wrap' | 'unwrap'>>

export function SuggestedChange({ change }: { readonly change: Change }) {
  const deleted = words(change.deleted ?? '')
  const inserted = words(change.inserted ?? '')
  if (deleted.text === '' && inserted.text === '') {
    return <p className="prose-excerpt suggested-change suggested-change--wordless">{wordlessChange(change)}</p>
  }
  // ins and del are not announced by most screen readers; the hidden words say what the styles show.
  return (
    <p className="prose-excerpt suggested-change" data-testid="suggested-change">
      {deleted.text !== '' && (
        <del>
          <span className="visually-hidden">Remove: </span>
          {deleted.text}
          {deleted.trimmed && <span className="visually-hidden"> (shortened)</span>}
        </del>
      )}
      {deleted.text !== '' && inserted.text !== '' && ' '}
      {inserted.text !== '' && (
        <ins>
          <span className="visually-hidden">Add: </span>
          {inserted.text}
          {inserted.trimmed && <span className="visually-hidden"> (shortened)</span>}
        </ins>
      )}
    </p>
  )
}

/** Shortened; a change of only spaces or line breaks shows them (␣, ¶), since blank would say nothing. */
function words(text: string): Excerpt {
  if (text === '' || text.trim() !== '') return excerpt(text)
  return { text: text.replace(/ /g, '␣').replace(/\n/g, '¶'), trimmed: false }
}

function wordlessChange({ kinds = [], retype, wrap, unwrap }: Change): string {
  if (retype) return `A change from ${retype.from} to ${retype.to}`
  if (wrap) return wrap === 'quote' ? 'A quote' : `A ${wrap}`
  if (unwrap) return unwrap === 'quote' ? 'Unquoting' : `Taking out of a ${unwrap}`
  if (kinds.includes('format')) return 'A change of formatting'
  if (kinds.includes('paragraph')) return 'A change of paragraph breaks'
  return 'A change with no text'
}
