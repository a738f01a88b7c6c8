import type { CatalogKind, CourseVisibility } from "@community/contracts"

/** Fields every sellable CMS document carries. */
type CatalogDocumentBase = {
  /** Strapi document id: stable for the life of the document. */
  document_id: string
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

/** A whole course (课程), sold at its own price (or not for sale: members-only courses have no price). */
export type CatalogCourseInput = CatalogDocumentBase & {
  kind: "course"
  /** The course's lessons in order. Older CMS builds leave it out. */
  lesson_document_ids?: string[]
} & Partial<CourseVisibility> /* who may open it beyond buyers (older CMS builds leave it out: the stored rule stays) */

/** A split-price lesson bundle (拆分课程包): chosen lessons of one course at their own price. */
export type CatalogBundleInput = CatalogDocumentBase & {
  kind: "bundle"
  /** The course the lessons belong to; may be null or left out when the bundle is withdrawn. */
  course_document_id?: string | null
  lesson_document_ids?: string[]
  /** Days of access after purchase; null (or left out) means no expiry. */
  validity_days?: number | null
}

/** What the CMS sends for one sellable document. */
export type CatalogDocumentInput = CatalogCourseInput | CatalogBundleInput

export type { CatalogKind }

/**
 * What commerce keeps about the document in the product's metadata. Entitlements are
 * granted from it, so it is the contract between the catalog and the entitlement module.
 */
export type CatalogProductMetadata = {
  cms_document_id: string
  cms_kind: CatalogKind
  cms_slug: string | null
  cms_updated_at: string
  /** For a course: its own document id. For a bundle: the course its lessons belong to. */
  course_document_id: string
  lesson_document_ids: string[]
  validity_days: number | null
}

/** Reads the catalog fields back out of a product's metadata; null for products the CMS does not own. */
export function readCatalogMetadata(metadata: Record<string, unknown> | null | undefined): CatalogProductMetadata | null {
  if (!metadata) return null
  const kind = metadata.cms_kind
  const documentId = metadata.cms_document_id
  if ((kind !== "course" && kind !== "bundle") || typeof documentId !== "string") return null
  const courseDocumentId =
    typeof metadata.course_document_id === "string"
      ? metadata.course_document_id
      : kind === "course"
        ? documentId
        : null
  if (!courseDocumentId) return null
  const lessons = Array.isArray(metadata.lesson_document_ids)
    ? metadata.lesson_document_ids.filter((id): id is string => typeof id === "string")
    : []
  const validity = metadata.validity_days
  return {
    cms_document_id: documentId,
    cms_kind: kind,
    cms_slug: typeof metadata.cms_slug === "string" ? metadata.cms_slug : null,
    cms_updated_at: typeof metadata.cms_updated_at === "string" ? metadata.cms_updated_at : "",
    course_document_id: courseDocumentId,
    lesson_document_ids: lessons,
    validity_days: typeof validity === "number" && Number.isInteger(validity) && validity > 0 ? validity : null,
  }
}
