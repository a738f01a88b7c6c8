import { createHash, randomInt, randomBytes, timingSafeEqual } from "node:crypto"

/** What the provider keeps in auth_verification.provider_metadata: never the code itself. */
export type StoredCode = {
  code_hash: string
  salt: string
  /** Wrong or right, every checked guess counts (raised atomically before the check). */
  attempts: number
}

/** A uniformly random 6-digit code ("000000"–"999999"). */
export function newCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, "0")
}

export function hashCode(code: string, salt: string): string {
  return createHash("sha256").update(`${salt}:${code}`).digest("hex")
}

export function storedCode(code: string): StoredCode {
  const salt = randomBytes(16).toString("hex")
  return { code_hash: hashCode(code, salt), salt, attempts: 0 }
}

/** Whether `code` is the stored one (constant time). */
export function codeMatches(code: string, stored: Pick<StoredCode, "code_hash" | "salt">): boolean {
  const a = Buffer.from(hashCode(code, stored.salt), "hex")
  const b = Buffer.from(stored.code_hash, "hex")
  return a.length === b.length && timingSafeEqual(a, b)
}

/** Six digits, after removing the spaces people type or paste ("123 456"). */
export function normalizeCode(value: unknown): string | null {
  if (typeof value !== "string") return null
  const code = value.replace(/\s+/g, "")
  return /^\d{6}$/.test(code) ? code : null
}
