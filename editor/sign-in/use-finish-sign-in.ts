/**
 * Where the sign-in and sign-up pages lead: the page that sent the person here (`next`), as
 * soon as somebody is signed in, whether they just did or already were.
 */
import { useEffect } from 'react'
import { useLocation, useNavigate } from 'react-router'
import { useUser } from '../account/account-context'
import { safeReturnPath } from '../account/return-path'

/** Returns the checked return path, for links between the two pages. */
export function useFinishSignIn(): string {
  const { search } = useLocation()
  const navigate = useNavigate()
  const user = useUser()
  const returnPath = safeReturnPath(new URLSearchParams(search).get('next'))
  useEffect(() => {
    // Replace, not push: Back from the document should not land on a sign-in form for an account already in use.
    if (user) navigate(returnPath, { replace: true })
  }, [user, navigate, returnPath])
  return returnPath
}
