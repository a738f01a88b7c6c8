import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { quoteCourseUpgrade, type CourseUpgradeQuote, type UpgradeCart } from "../course-upgrade-quote"

export type PrepareCourseUpgradeInput = {
  cart_id: string
  /** The signed-in customer asking for the upgrade. */
  customer_id: string
  course_document_id: string
}

export type PreparedCourseUpgrade = CourseUpgradeQuote & {
  cart_id: string
  /** Lines of this course already in the cart (at full price or an older upgrade price): replaced. */
  replace_line_item_ids: string[]
}

/** Checks the cart is the customer's and open, and prices the upgrade line (read-only). */
export const prepareCourseUpgradeStep = createStep(
  "prepare-course-upgrade",
  async (input: PrepareCourseUpgradeInput, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: carts } = await query.graph({
      entity: "cart",
      fields: ["id", "customer_id", "region_id", "currency_code", "completed_at", "items.id", "items.product_id"],
      filters: { id: input.cart_id },
    })
    const cart = carts[0] as (UpgradeCart & { items?: ({ id: string; product_id: string | null } | null)[] }) | undefined
    if (!cart) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart ${input.cart_id} was not found`)
    }
    if (cart.customer_id !== input.customer_id) {
      throw new MedusaError(
        MedusaError.Types.FORBIDDEN,
        "This cart does not belong to the signed-in customer (attach it with POST /store/carts/:id/customer first)"
      )
    }
    if (cart.completed_at) {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Cart ${input.cart_id} is already completed`)
    }
    const quote = await quoteCourseUpgrade(container, cart, input.customer_id, input.course_document_id)
    const replace = (cart.items ?? [])
      .filter((item) => item?.product_id === quote.product_id)
      .map((item) => item!.id)
    return new StepResponse<PreparedCourseUpgrade>({ ...quote, cart_id: cart.id, replace_line_item_ids: replace })
  }
)
