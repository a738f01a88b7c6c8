import type { CatalogKind } from './handles.js';
import type { CourseVisibility } from './visibility.js';

/**
 * The catalog sync's payload: what the CMS sends commerce for one sellable document
 * (`POST /admin/catalog/documents`). The CMS sends the document's CURRENT state, so every
 * delivery is idempotent and a newer one supersedes a queued one.
 */
type CatalogDocumentBase = {
  /** Strapi document id: stable for the life of the document. */
  document_id: string;
  /** "published" offers it; "archived" withdraws it (unpublished, deleted, or no price). */
  state: 'published' | 'archived';
  /** Absent when the document is withdrawn (nothing public to describe). */
  slug?: string;
  title?: string;
  summary?: string | null;
  /** Price in fen; null means not for sale. */
  price_fen: number | null;
  /** Published lessons the purchase unlocks, in position order ([] when withdrawn and unknown). */
  lesson_document_ids: string[];
  /** When the CMS read this state (ISO 8601); commerce ignores deliveries older than what it has. */
  cms_updated_at: string;
};

/**
 * A whole course (课程), sold at its own price, or not for sale (members-only courses have no
 * price: they are delivered "archived" all the same, so commerce knows their visibility).
 * `visibility`, `visible_to_plans` and `lesson_visibility` (see visibility.ts) are what commerce
 * decides lesson-access from; a withdrawn course carries `withdrawnCourseVisibility()`.
 */
export type CourseCatalogPayload = CatalogDocumentBase & { kind: 'course' } & CourseVisibility;

/** A split-price lesson bundle (拆分课程包): chosen lessons of one course at their own price. */
export type BundleCatalogPayload = CatalogDocumentBase & {
  kind: 'bundle';
  /** The bundle's course (null only when the bundle was deleted or never had one). */
  course_document_id: string | null;
  /** Days of access after purchase; null = forever. */
  validity_days: number | null;
};

export type CatalogDocumentPayload = CourseCatalogPayload | BundleCatalogPayload;

/** Commerce's answer to one delivery. */
export type CatalogDocumentResult = { product_id: string | null; handle: string; status: string };

export type { CatalogKind };
