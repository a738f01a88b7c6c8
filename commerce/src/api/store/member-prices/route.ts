// GET /store/member-prices?variant_id=…&variant_id=… — member prices (CNY, yuan) of variants, for showing to visitors
import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { memberPricesOf } from "../../../workflows/membership/member-pricing"
import type { GetMemberPricesQuery } from "./validators"

export async function GET(req: MedusaRequest<unknown, GetMemberPricesQuery>, res: MedusaResponse) {
  const { variant_id } = req.validatedQuery as GetMemberPricesQuery
  const prices = await memberPricesOf(req.scope, [...new Set(variant_id)])
  // Variants without a member price (memberships themselves, unknown ids) are left out.
  res.json({ member_prices: Object.fromEntries(prices) })
}
