// POST /admin/catalog/documents — the CMS delivers one sellable document (idempotent upsert by handle)
import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { syncCatalogProductWorkflow } from "../../../../workflows/catalog/sync-catalog-product"
import type { PostCatalogDocument } from "./validators"

export async function POST(req: AuthenticatedMedusaRequest<PostCatalogDocument>, res: MedusaResponse) {
  const { result } = await syncCatalogProductWorkflow(req.scope).run({ input: req.validatedBody })
  res.json(result)
}
