/** What the CMS sends for one sellable document (a course today; bundles later). */
export type CatalogDocumentInput = {
  /** Strapi document id: stable for the life of the document. */
  document_id: string
  /** Which content type the document is, e.g. "course". */
  kind: "course"
  /** title and slug may be left out when the document is withdrawn. */
  slug?: string
  title?: string
  summary?: string | null
  /** Price in fen (分). Null means the document is not for sale. */
  price_fen: number | null
  /** "published" offers it; "archived" withdraws it (unpublished or deleted in the CMS). */
  state: "published" | "archived"
  /** The CMS's updatedAt of the change; older deliveries never overwrite newer ones. */
  cms_updated_at: string
}

/** Products synced from the CMS have this handle, so lookups never depend on titles or slugs. */
export function catalogHandle(input: Pick<CatalogDocumentInput, "kind" | "document_id">): string {
  return `${input.kind}-${input.document_id.toLowerCase()}`
}

/** Fen (integer) to the decimal amount Medusa stores, without float drift: 2990 -> 29.9. */
export function fenToAmount(fen: number): number {
  return Number((fen / 100).toFixed(2))
}
