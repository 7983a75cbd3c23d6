/**
 * "Download" in the document header: a menu of the formats the server exports. Each item is
 * a plain link, so the browser does the saving, and middle-click or "Save link as" work too.
 */
import { documentExportUrl } from '../http/documents'
import { ChevronDownIcon, DownloadIcon } from '../ui/icons'
import { useMenuButton } from '../ui/use-menu-button'
import { DOWNLOAD_CHOICES } from './download-choices'
import '../ui/menu.css'
import './download-menu.css'

export function DownloadMenu({ documentId }: { readonly documentId: string }) {
  const { rootRef, onBlur, buttonProps, menuProps } = useMenuButton()
  return (
    <div ref={rootRef} className="download-menu" onBlur={onBlur}>
      <button {...buttonProps} className="download-menu__button" data-testid="download-menu-button">
        <DownloadIcon />
        <span className="visually-hidden-on-phones">Download</span>
        <span className="download-menu__chevron">
          <ChevronDownIcon />
        </span>
      </button>
      <div {...menuProps} className="menu download-menu__list">
        {DOWNLOAD_CHOICES.map(({ format, name, extension }) => (
          <a
            key={format}
            role="menuitem"
            tabIndex={-1}
            className="menu__item download-menu__item"
            href={documentExportUrl(documentId, format)}
            download
            data-testid={`download-${format}`}
          >
            {name} <span className="download-menu__extension">(.{extension})</span>
          </a>
        ))}
      </div>
    </div>
  )
}
