/** "Decisions" in the document header: the public log of every decision on a suggestion, newest first. */
import { Link } from 'react-router'
import { useHeaderControl } from '../attribution/HeaderControl'
import { decisionsPath } from '../contributors/paths'
import { DecisionsIcon } from '../ui/icons'

export function DecisionsLink({ documentId }: { readonly documentId: string }) {
  const { triggerProps, content, tooltip } = useHeaderControl('Decisions', <DecisionsIcon />)
  return (
    <>
      <Link className="header-control" to={decisionsPath(documentId)} data-testid="decisions-link" {...triggerProps}>
        {content}
      </Link>
      {tooltip}
    </>
  )
}
