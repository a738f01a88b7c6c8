import type { AuthTypes, Context, IEventBusModuleService, Logger } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { codeMatches, newCode, normalizeCode, storedCode, type StoredCode } from "./code"

/** Emitted once an email is proven: `{ auth_identity_id, email }` (guest purchases are claimed then). */
export const EMAIL_VERIFIED_EVENT = "email_verification.confirmed"

export type EmailCodeVerificationOptions = {
  /** How long a code is good for (default 600 s: 10 minutes). */
  ttl_seconds?: number
  /** Wrong guesses a code survives (default 5); then a new code must be requested. */
  max_attempts?: number
  /** A new code is not sent sooner than this after the last one (default 60 s). */
  resend_after_seconds?: number
}

type Verification = AuthTypes.AuthVerificationDTO & { id: string }

type InternalService<T> = {
  list(filters: Record<string, unknown>, config?: Record<string, unknown>, context?: Context): Promise<T[]>
  create(data: Record<string, unknown>, context?: Context): Promise<T>
  update(data: Record<string, unknown>, context?: Context): Promise<T>
}

type Knex = { raw(sql: string, bindings: unknown[]): Promise<{ rows: Record<string, unknown>[] }> }

type InjectedDependencies = {
  authVerificationService: InternalService<Verification>
  providerIdentityService: InternalService<{ entity_id: string; provider: string; auth_identity_id: string }>
  __pg_connection__: Knex
  event_bus?: IEventBusModuleService
  logger?: Logger
}

/** Message fragments the storefront recognises (it maps them to its own texts). */
export const VERIFICATION_ERRORS = {
  signIn: "Sign in first: confirming a code needs the token from registration or sign-in",
  none: "No code was requested for this account: request one",
  expired: "The code has expired: request a new code",
  tooMany: "Too many wrong codes: request a new code",
  wrong: "The code is not right",
  tooSoon: "A code was sent less than a minute ago: check your inbox, or ask again in a minute",
  notYours: "Only the email this account signed up with can be verified",
} as const

/**
 * Medusa's auth verification (`projectConfig.http.authVerificationsPerActor`) with a code a
 * person types: 6 digits, sent by email (a subscriber of `auth.verification_requested`).
 *
 * Medusa's own `token` provider looks a code up by its hash alone, across every account, with
 * no attempt limit: fine for a 43-character link token, hopeless for 6 digits. This provider
 * keeps the code salted and hashed on the account's own verification row, lets only that
 * account confirm it (the token from registration or sign-in is required), expires it after
 * 10 minutes and kills it after 5 wrong guesses, counted in one conditional UPDATE so parallel
 * guesses cannot slip past the limit.
 */
class EmailCodeVerificationProvider {
  static identifier = "email_code"
  readonly identifier = EmailCodeVerificationProvider.identifier

  protected readonly deps_: InjectedDependencies
  protected readonly ttlMs_: number
  protected readonly maxAttempts_: number
  protected readonly resendAfterMs_: number

  constructor(deps: InjectedDependencies, options: EmailCodeVerificationOptions = {}) {
    // Resolved lazily: the container's cradle resolves on property access.
    this.deps_ = deps
    this.ttlMs_ = positive(options.ttl_seconds, 600) * 1000
    this.maxAttempts_ = positive(options.max_attempts, 5)
    this.resendAfterMs_ = positive(options.resend_after_seconds, 60) * 1000
  }

  async request(data: AuthTypes.RequestAuthVerificationDTO, sharedContext: Context = {}): Promise<AuthTypes.RequestAuthVerificationResponse> {
    if (data.entity_type !== "email") {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, 'The email_code provider verifies entity_type "email" only')
    }
    // A code goes only to the address this identity signed up with, never to one typed in the request.
    const identities = await this.deps_.providerIdentityService.list(
      { auth_identity_id: data.auth_identity_id, provider: "emailpass" },
      {},
      sharedContext
    )
    if (!identities.some((identity) => identity.entity_id === data.entity_id)) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, VERIFICATION_ERRORS.notYours)
    }
    const [existing] = await this.deps_.authVerificationService.list(
      { auth_identity_id: data.auth_identity_id, entity_id: data.entity_id, entity_type: data.entity_type },
      { take: 1, skip: 0 },
      sharedContext
    )
    if (existing?.verified_at) return existing

    const now = Date.now()
    if (existing && (existing.provider_metadata as StoredCode | null)?.code_hash) {
      const last = new Date(existing.requested_at).getTime()
      if (now - last < this.resendAfterMs_) {
        throw new MedusaError(MedusaError.Types.NOT_ALLOWED, VERIFICATION_ERRORS.tooSoon)
      }
    }

    const code = newCode()
    const stored = storedCode(code)
    const requestedAt = new Date(now)
    const verification = existing
      ? await this.deps_.authVerificationService.update(
          {
            id: existing.id,
            code_provider: this.identifier,
            provider_metadata: stored,
            requested_at: requestedAt,
            verified_at: null,
            ...(data.metadata ? { metadata: data.metadata } : {}),
          },
          sharedContext
        )
      : await this.deps_.authVerificationService.create(
          {
            auth_identity_id: data.auth_identity_id,
            entity_id: data.entity_id,
            entity_type: data.entity_type,
            code_provider: this.identifier,
            provider_metadata: stored,
            requested_at: requestedAt,
            metadata: data.metadata ?? null,
          },
          sharedContext
        )
    return { ...hide(verification), code, expires_at: new Date(now + this.ttlMs_) }
  }

  async confirm(data: AuthTypes.ConfirmAuthVerificationDTO, sharedContext: Context = {}): Promise<AuthTypes.ConfirmAuthVerificationResponse> {
    if (!data.auth_identity_id) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, VERIFICATION_ERRORS.signIn)
    const code = normalizeCode(data.code)
    if (!code) throw new MedusaError(MedusaError.Types.INVALID_DATA, "The code is 6 digits")

    const [verification] = await this.deps_.authVerificationService.list(
      { auth_identity_id: data.auth_identity_id, entity_type: "email", code_provider: this.identifier },
      { take: 1, skip: 0, order: { requested_at: "DESC" } },
      sharedContext
    )
    if (!verification) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, VERIFICATION_ERRORS.none)
    if (verification.verified_at) return hide(verification)
    const stored = verification.provider_metadata as StoredCode | null
    if (!stored?.code_hash) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, VERIFICATION_ERRORS.none)
    if (new Date(verification.requested_at).getTime() + this.ttlMs_ <= Date.now()) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, VERIFICATION_ERRORS.expired)
    }

    // Count this guess first, in one statement that also enforces the limit: of any number
    // of parallel guesses, at most max_attempts are ever compared.
    const { rows } = await this.deps_.__pg_connection__.raw(
      `update "auth_verification"
          set "provider_metadata" = jsonb_set("provider_metadata", '{attempts}',
                to_jsonb(coalesce(("provider_metadata"->>'attempts')::int, 0) + 1)),
              "updated_at" = now()
        where "id" = ? and "deleted_at" is null and "verified_at" is null
          and "provider_metadata"->>'code_hash' = ?
          and coalesce(("provider_metadata"->>'attempts')::int, 0) < ?
        returning ("provider_metadata"->>'attempts')::int as "attempts"`,
      [verification.id, stored.code_hash, this.maxAttempts_]
    )
    if (!rows.length) throw new MedusaError(MedusaError.Types.NOT_ALLOWED, VERIFICATION_ERRORS.tooMany)
    if (!codeMatches(code, stored)) {
      const left = this.maxAttempts_ - Number(rows[0].attempts)
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        left > 0 ? `${VERIFICATION_ERRORS.wrong} (${left} attempt${left === 1 ? "" : "s"} left)` : VERIFICATION_ERRORS.tooMany
      )
    }

    const verified = await this.deps_.authVerificationService.update(
      { id: verification.id, verified_at: new Date(), provider_metadata: { attempts: Number(rows[0].attempts) } },
      sharedContext
    )
    await this.announce_(verification.auth_identity_id, verification.entity_id)
    return hide(verified)
  }

  protected async announce_(authIdentityId: string, email: string) {
    try {
      await this.deps_.event_bus?.emit({ name: EMAIL_VERIFIED_EVENT, data: { auth_identity_id: authIdentityId, email } })
    } catch (error) {
      // The email is verified either way; only the follow-ups (claiming guest purchases) are missed: logged.
      this.deps_.logger?.warn(`[email_code] could not announce the verification of ${authIdentityId}: ${(error as Error).message}`)
    }
  }
}

/** The row without the code's hash (it leaves the module in responses and events). */
function hide(verification: Verification): Verification {
  const { provider_metadata: _hidden, ...rest } = verification
  return { ...rest, provider_metadata: null }
}

function positive(value: unknown, fallback: number): number {
  return typeof value === "number" && Number.isInteger(value) && value > 0 ? value : fallback
}

export default EmailCodeVerificationProvider
