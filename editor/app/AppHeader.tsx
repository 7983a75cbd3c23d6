/**
 * The header on every page: the wordmark (home), and on a document page its title, save
 * status, the download menu and the people in it.
 */
import type { ReactNode } from 'react'
import { Link } from 'react-router'
import { Wordmark } from './Wordmark'
import './app-header.css'

interface AppHeaderProps {
  /** The open document's title; absent on pages that are not a document. */
  readonly title?: string
  /** Shown under the title (the save status). */
  readonly status?: ReactNode
  /** Shown at the end of the header, in a row (the download menu and the presence bar). */
  readonly children?: ReactNode
}

export function AppHeader({ title, status, children }: AppHeaderProps) {
  return (
    <header className={`app-header${title === undefined ? '' : ' app-header--document'}`}>
      <Link to="/" className="app-header__home" aria-label="Coffeehouse — all documents">
        <Wordmark />
      </Link>
      {title !== undefined && (
        <div className="app-header__document">
          <h1 className="app-header__title" title={title}>
            {title}
          </h1>
          {status}
        </div>
      )}
      {children && <div className="app-header__end">{children}</div>}
    </header>
  )
}
