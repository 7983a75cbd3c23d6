/**
 * The server's own secrets: the key that signs session cookies and the key that
 * signs invite links. Generated on first start and kept in DATA_DIR/secrets.json
 * (readable by the owner only), so that a restart neither logs everyone out nor
 * voids the invitations already sent.
 */
import { randomBytes } from 'node:crypto'
import { chmod, readFile } from 'node:fs/promises'
import path from 'node:path'
import { z } from 'zod'
import { writeFileAtomically } from '../storage/durable-files'

const secretsSchema = z.object({ sessionSecret: z.string().min(32), inviteKey: z.string().min(32) })
export type Secrets = z.infer<typeof secretsSchema>

export const newSecrets = (): Secrets => ({
  sessionSecret: randomBytes(32).toString('base64url'),
  inviteKey: randomBytes(32).toString('base64url'),
})

export async function loadSecrets(dataDir: string): Promise<Secrets> {
  const file = path.join(dataDir, 'secrets.json')
  try {
    return secretsSchema.parse(JSON.parse(await readFile(file, 'utf8')))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
  const secrets = newSecrets()
  await writeFileAtomically(file, JSON.stringify(secrets, null, 2))
  await chmod(file, 0o600)
  return secrets
}
