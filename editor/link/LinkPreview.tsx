/** Shown while the cursor is inside a link: where it goes, and the two things one does to it. */
import { isAllowedHref } from '../../model/schema/link-href'
import { ExternalIcon } from '../ui/icons'

interface LinkPreviewProps {
  readonly href: string
  readonly onEdit: () => void
  readonly onRemove: () => void
}

/** Keeps the editor focused, so the selection (and this preview) survive the click. */
const keepEditorFocus = (event: { preventDefault: () => void }) => event.preventDefault()

export function LinkPreview({ href, onEdit, onRemove }: LinkPreviewProps) {
  return (
    <div className="link-preview" role="group" aria-label="Link">
      {isAllowedHref(href) ? (
        <a className="link-preview__href" href={href} target="_blank" rel="noopener noreferrer nofollow" title={href}>
          <ExternalIcon />
          <span>{href.replace(/^(https?:\/\/|mailto:)/, '')}</span>
        </a>
      ) : (
        // A link can arrive over the websocket with any address: one that could run script is shown, never followed.
        <span className="link-preview__href" title={href}>
          <span>{href}</span>
        </span>
      )}
      <span className="link-preview__actions">
        <button type="button" className="button button--quiet" onMouseDown={keepEditorFocus} onClick={onEdit}>
          Edit
        </button>
        <button type="button" className="button button--quiet button--danger" onMouseDown={keepEditorFocus} onClick={onRemove}>
          Remove
        </button>
      </span>
    </div>
  )
}
