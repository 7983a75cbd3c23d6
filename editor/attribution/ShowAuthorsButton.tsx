/**
 * "Show authors" in the document header, for everyone who can open the document, readers
 * and visitors included. A toggle (aria-pressed): it changes only this person's view.
 */
import { useHeaderControl } from './HeaderControl'
import { AuthorsIcon } from '../ui/icons'

interface ShowAuthorsButtonProps {
  readonly shown: boolean
  readonly onChange: (shown: boolean) => void
}

export function ShowAuthorsButton({ shown, onChange }: ShowAuthorsButtonProps) {
  const { triggerProps, content, tooltip } = useHeaderControl('Show authors', <AuthorsIcon />)
  return (
    <>
      <button
        type="button"
        className="header-control"
        aria-pressed={shown}
        data-testid="show-authors"
        onClick={() => onChange(!shown)}
        {...triggerProps}
      >
        {content}
      </button>
      {tooltip}
    </>
  )
}
