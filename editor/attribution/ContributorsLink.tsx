/** "Contributors" in the document header: the page listing everyone who wrote here, and how much. */
import { Link } from 'react-router'
import { useHeaderControl } from './HeaderControl'
import { ContributorsIcon } from '../ui/icons'

export function ContributorsLink({ documentId }: { readonly documentId: string }) {
  const { triggerProps, content, tooltip } = useHeaderControl('Contributors', <ContributorsIcon />)
  return (
    <>
      <Link className="header-control" to={`/d/${encodeURIComponent(documentId)}/contributors`} data-testid="contributors-link" {...triggerProps}>
        {content}
      </Link>
      {tooltip}
    </>
  )
}
