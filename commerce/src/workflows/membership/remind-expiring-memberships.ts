import { createWorkflow, transform, WorkflowData, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { storefrontUrl } from "../../lib/mail/storefront-url"
import { mailLocale, membershipExpiringMail, storefrontLink } from "../../lib/mail/templates"
import { daysLeft } from "../../modules/membership/timeline"
import { sendEmailsStep, type EmailToSend } from "../notifications/steps/send-emails"
import { findExpiringMembershipsStep } from "./steps/find-expiring-memberships"

export type RemindExpiringMembershipsInput = {
  /** The clock (default: now): memberships ending within 7 days of it are reminded. */
  now?: Date | string
}

export const REMIND_WITHIN_DAYS = 7

/**
 * "Your membership ends in N days" to every active member whose membership ends within 7 days
 * of `now`, in their language, at most once per membership end: the idempotency key is the
 * membership and its ends_at, so running again sends nothing, and a renewal (a new ends_at)
 * earns a reminder of its own before that end.
 */
export const remindExpiringMembershipsWorkflow = createWorkflow(
  "remind-expiring-memberships",
  (input: WorkflowData<RemindExpiringMembershipsInput>) => {
    const stepInput = transform({ input }, ({ input }) => ({
      now: input.now ? new Date(input.now) : new Date(),
      within_days: REMIND_WITHIN_DAYS,
    }))
    const expiring = findExpiringMembershipsStep(stepInput)
    const customerIds = transform({ expiring }, ({ expiring }) => (expiring.length ? [...new Set(expiring.map((m) => m.customer_id))] : ["cus_none"]))
    const planHandles = transform({ expiring }, ({ expiring }) => (expiring.length ? [...new Set(expiring.map((m) => m.plan_handle))] : ["__none__"]))
    const { data: customers } = useQueryGraphStep({
      entity: "customer",
      fields: ["id", "email", "metadata"],
      filters: { id: customerIds },
    }).config({ name: "get-expiring-members" })
    const { data: plans } = useQueryGraphStep({
      entity: "membership_plan",
      fields: ["handle", "title"],
      filters: { handle: planHandles },
    }).config({ name: "get-expiring-plans" })

    const emails = transform({ expiring, customers, plans, stepInput }, ({ expiring, customers, plans, stepInput }): EmailToSend[] => {
      const byId = new Map((customers as { id: string; email?: string | null; metadata?: Record<string, unknown> | null }[]).map((c) => [c.id, c]))
      const titles = new Map((plans as { handle: string; title: string }[]).map((p) => [p.handle, p.title]))
      const now = new Date(stepInput.now)
      return expiring.flatMap((m) => {
        const customer = byId.get(m.customer_id)
        if (!customer?.email) return []
        const locale = mailLocale(customer.metadata?.locale)
        const endsAt = new Date(m.ends_at)
        return [
          {
            to: customer.email,
            template: "membership-expiring",
            content: membershipExpiringMail({
              locale,
              plan_title: titles.get(m.plan_handle) ?? m.plan_handle,
              ends_at: endsAt,
              days_left: daysLeft(endsAt, now) ?? REMIND_WITHIN_DAYS,
              renew_url: storefrontLink(storefrontUrl(), "/membership", locale),
            }),
            data: { locale, membership_id: m.membership_id, ends_at: m.ends_at },
            idempotency_key: `membership-expiring:${m.membership_id}:${m.ends_at}`,
            resource_id: m.membership_id,
            resource_type: "membership",
            receiver_id: m.customer_id,
            trigger_type: "remind-expiring-memberships",
          },
        ]
      })
    })
    const sent = sendEmailsStep({ emails })
    const result = transform({ sent, stepInput }, ({ sent, stepInput }) => ({
      reminded: sent.sent.length,
      already_reminded: sent.skipped.length,
      failed: sent.failed.length,
      as_of: new Date(stepInput.now).toISOString(),
    }))
    return new WorkflowResponse(result)
  }
)
