/**
 * The header on every page: the wordmark (home); on a document page its title, save status,
 * and the document's controls (share, download, the people in it); and at the end, who is
 * signed in.
 */
import type { ReactNode } from 'react'
import { Link } from 'react-router'
import { UserMenu } from '../account/UserMenu'
import { Wordmark } from './Wordmark'
import './app-header.css'

interface AppHeaderProps {
  /** The open document's title; absent on pages that are not a document. */
  readonly title?: string
  /** Shown under the title (the save status). */
  readonly status?: ReactNode
  /** The document's controls, in a row before the account (share, download, the presence bar); a second row on phones. */
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
      {children && <div className="app-header__tools">{children}</div>}
      <div className="app-header__account">
        <UserMenu />
      </div>
    </header>
  )
}
