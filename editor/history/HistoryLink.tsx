/** "History" in the document header: every recorded version, to read, compare and (for maintainers) restore. */
import { Link } from 'react-router'
import { useHeaderControl } from '../attribution/HeaderControl'
import { HistoryIcon } from '../ui/icons'
import { historyPath } from './paths'

export function HistoryLink({ documentId }: { readonly documentId: string }) {
  const { triggerProps, content, tooltip } = useHeaderControl('History', <HistoryIcon />)
  return (
    <>
      <Link className="header-control" to={historyPath(documentId)} data-testid="history-link" {...triggerProps}>
        {content}
      </Link>
      {tooltip}
    </>
  )
}
