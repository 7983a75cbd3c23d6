/** The frame of the sign-in and sign-up pages: header, a centred card, and a way to the other page. */
import type { ReactNode } from 'react'
import { AppHeader } from '../app/AppHeader'
import './auth-card.css'

interface AuthCardProps {
  readonly title: string
  readonly lead: ReactNode
  /** Under the card: "New here? Create an account", or the reverse. */
  readonly footer: ReactNode
  readonly children: ReactNode
}

export function AuthCard({ title, lead, footer, children }: AuthCardProps) {
  return (
    <>
      <AppHeader />
      <main className="auth-page">
        <section className="auth-card" aria-labelledby="auth-title">
          <h1 id="auth-title" className="auth-card__title">
            {title}
          </h1>
          <p className="auth-card__lead">{lead}</p>
          {children}
        </section>
        <p className="auth-page__footer">{footer}</p>
      </main>
    </>
  )
}
