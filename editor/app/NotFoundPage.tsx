/** For addresses that match no page, and for document ids the server does not know. */
import { AppHeader } from './AppHeader'
import { DeadEnd } from './DeadEnd'
import { usePageTitle } from './use-page-title'
import './message-page.css'

interface NotFoundPageProps {
  readonly heading?: string
  readonly explanation?: string
}

export function NotFoundPage({
  heading = 'There is nothing at this address',
  explanation = 'The link may be mistyped, or the page may have moved.',
}: NotFoundPageProps) {
  usePageTitle(heading)
  return (
    <>
      <AppHeader />
      <main className="message-page" data-testid="not-found">
        <p className="message-page__eyebrow">404</p>
        <DeadEnd heading={heading}>{explanation}</DeadEnd>
      </main>
    </>
  )
}

/** A document id the server does not know: the same words wherever a page is about one document. */
export function DocumentNotFoundPage() {
  return <NotFoundPage heading="This document does not exist" explanation="It may have been deleted, or the link may be mistyped." />
}
