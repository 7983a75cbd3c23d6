/**
 * Invite links: signed tokens (HS256 JWTs via jose) that carry a document, a role
 * and an expiry. Nothing is stored: the signature proves the server issued the
 * link, and the expiry ends it. Anyone holding the link while it is valid can join
 * with that role, so maintainers should share links as carefully as they would a key.
 */
import { randomUUID } from 'node:crypto'
import { errors, jwtVerify, SignJWT } from 'jose'
import { z } from 'zod'
import type { MemberRole } from '../storage/store'

const INVITE_AUDIENCE = 'coffeehouse:invite'

const claimsSchema = z.object({
  doc: z.string(),
  role: z.enum(['maintainer', 'contributor']),
  exp: z.number(),
})

export interface Invite {
  documentId: string
  role: MemberRole
  expiresAt: Date
}

export class InvalidInviteError extends Error {
  override name = 'InvalidInviteError'
}

export class ExpiredInviteError extends Error {
  override name = 'ExpiredInviteError'
}

export class Invites {
  private readonly key: Uint8Array

  constructor(secret: string) {
    this.key = new TextEncoder().encode(secret)
  }

  async create(documentId: string, role: MemberRole, expiresInHours: number, now: Date): Promise<{ token: string; expiresAt: Date }> {
    const expiresAt = new Date(now.getTime() + expiresInHours * 60 * 60 * 1000)
    const token = await new SignJWT({ doc: documentId, role })
      .setProtectedHeader({ alg: 'HS256' })
      .setAudience(INVITE_AUDIENCE)
      .setJti(randomUUID())
      .setIssuedAt(Math.floor(now.getTime() / 1000))
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(this.key)
    return { token, expiresAt }
  }

  async verify(token: string, now: Date): Promise<Invite> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        audience: INVITE_AUDIENCE,
        algorithms: ['HS256'],
        currentDate: now,
      })
      const claims = claimsSchema.parse(payload)
      return { documentId: claims.doc, role: claims.role, expiresAt: new Date(claims.exp * 1000) }
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw new ExpiredInviteError('This invitation has expired.')
      throw new InvalidInviteError('This invitation link is not valid.')
    }
  }
}
