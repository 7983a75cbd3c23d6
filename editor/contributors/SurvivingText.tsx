/**
 * What is left of an accepted suggestion's words: how many characters are still in the text,
 * what they say, who has edited them since, and a link to where they stand in the document.
 */
import { Link } from 'react-router'
import type { People, SuggestionRecord } from '../http/suggestions'
import { characterCount, formatCount } from './counts'
import { excerpt } from './excerpt'
import { PeopleList } from './PeopleList'
import { textInDocumentPath } from './paths'

interface SurvivingTextProps {
  readonly documentId: string
  readonly survival: NonNullable<SuggestionRecord['survival']>
  readonly people: People
}

export function SurvivingText({ documentId, survival, people }: SurvivingTextProps) {
  const { characters, of, text, editedBy } = survival
  const quote = excerpt(text)
  return (
    <div className="surviving-text" data-testid="survival">
      <p className="surviving-text__count" data-testid="survival-count">
        {characters === 0 ? `None of its ${characterCount(of)} is in the text now` : `${formatCount(characters)} of ${characterCount(of)} still in the text`}
      </p>
      {quote.text !== '' && (
        <blockquote className="surviving-text__quote" data-testid="survival-text">
          {quote.text}
          {quote.trimmed && <span className="visually-hidden"> (shortened)</span>}
        </blockquote>
      )}
      {editedBy.length > 0 && (
        <p className="surviving-text__edited" data-testid="edited-by">
          Accepted, then edited by <PeopleList documentId={documentId} ids={editedBy} people={people} />
        </p>
      )}
      {quote.text !== '' && (
        <Link to={textInDocumentPath(documentId, text)} data-testid="find-in-document">
          See where it stands in the document
        </Link>
      )}
    </div>
  )
}
