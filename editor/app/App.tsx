/** The routes, and the things every page shares (who is signed in). */
import { lazy, Suspense } from 'react'
import { BrowserRouter, Route, Routes } from 'react-router'
import { AccountProvider } from '../account/account-context'
import { ContributionsPage } from '../contributors/ContributionsPage'
import { ContributorsPage } from '../contributors/ContributorsPage'
import { DecisionsPage } from '../decisions/DecisionsPage'
import { DocumentListPage } from '../document-list/DocumentListPage'
import { DocumentSkeleton } from '../document/DocumentSkeleton'
import { InvitePage } from '../invite/InvitePage'
import { SignInPage } from '../sign-in/SignInPage'
import { SignUpPage } from '../sign-in/SignUpPage'
import { NotFoundPage } from './NotFoundPage'

// The editor (Tiptap, ProseMirror, Yjs) is most of the bundle; the document list loads without it,
// and so do the contributor and decisions pages, which only read what the server says.
const DocumentRoute = lazy(() => import('../document/DocumentRoute').then((module) => ({ default: module.DocumentRoute })))

export function App() {
  return (
    <AccountProvider>
      <BrowserRouter>
        <Routes>
          <Route path="/" element={<DocumentListPage />} />
          <Route path="/signin" element={<SignInPage />} />
          <Route path="/signup" element={<SignUpPage />} />
          <Route path="/invite/:token" element={<InvitePage />} />
          <Route
            path="/d/:documentId"
            element={
              <Suspense fallback={<DocumentSkeleton />}>
                <DocumentRoute />
              </Suspense>
            }
          />
          <Route path="/d/:documentId/contributors" element={<ContributorsPage />} />
          <Route path="/d/:documentId/contributors/:username" element={<ContributionsPage />} />
          <Route path="/d/:documentId/decisions" element={<DecisionsPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </BrowserRouter>
    </AccountProvider>
  )
}
