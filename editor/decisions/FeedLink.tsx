/**
 * The Decisions log as an Atom feed: a visible link for people, and while the page is shown a
 * `<link rel="alternate">` in the head for feed readers and browser extensions that look there.
 * React 19 moves a `<link>` rendered anywhere into the head, and takes it out again on leaving.
 */
import { decisionFeedUrl } from '../http/suggestions'
import { FeedIcon } from '../ui/icons'

interface FeedLinkProps {
  readonly documentId: string
  readonly documentTitle: string
}

export function FeedLink({ documentId, documentTitle }: FeedLinkProps) {
  const url = decisionFeedUrl(documentId)
  return (
    <>
      <link rel="alternate" type="application/atom+xml" href={url} title={`Decisions on ${documentTitle}`} />
      <a className="feed-link" href={url} type="application/atom+xml" data-testid="decisions-feed">
        <FeedIcon />
        Follow (Atom feed)
      </a>
    </>
  )
}
