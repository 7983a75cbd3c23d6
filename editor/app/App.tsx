/** The routes, and the things every page shares (who is signed in). */
import { lazy, Suspense } from 'react'
import { BrowserRouter, Route, Routes } from 'react-router'
import { AccountProvider } from '../account/account-context'
import { DocumentListPage } from '../document-list/DocumentListPage'
import { DocumentSkeleton } from '../document/DocumentSkeleton'
import { InvitePage } from '../invite/InvitePage'
import { SignInPage } from '../sign-in/SignInPage'
import { SignUpPage } from '../sign-in/SignUpPage'
import { NotFoundPage } from './NotFoundPage'

// The editor (Tiptap, ProseMirror, Yjs) is most of the bundle; the document list loads without it.
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
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </BrowserRouter>
    </AccountProvider>
  )
}
