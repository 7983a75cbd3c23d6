/**
 * The end of a message page with nothing to do here (not found, no access, a dead invitation):
 * what happened, and the one way on, back to all documents. Styled by message-page.css.
 */
import type { ReactNode } from 'react'
import { Link } from 'react-router'

interface DeadEndProps {
  readonly heading: string
  /** The explanation under the heading. */
  readonly children: ReactNode
}

export function DeadEnd({ heading, children }: DeadEndProps) {
  return (
    <>
      <h1 className="message-page__heading">{heading}</h1>
      <p className="message-page__text">{children}</p>
      <Link to="/" className="button button--primary">
        See all documents
      </Link>
    </>
  )
}
