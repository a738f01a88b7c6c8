import { errors } from '@strapi/utils';

/** The part of a Strapi model this rewrite reads. */
export type FilterModel = {
  attributes: Record<string, { type: string; target?: string; component?: string }>;
  options?: { draftAndPublish?: boolean };
};
export type GetModel = (uid: string) => FilterModel | undefined;

/** Logical operators and "is not null", as REST / the document service and as GraphQL spell them. */
export type FilterDialect = { and: string; or: string; not: string; notNull: string };
export const DOCUMENT_FILTERS: FilterDialect = { and: '$and', or: '$or', not: '$not', notNull: '$notNull' };
export const GRAPHQL_FILTERS: FilterDialect = { and: 'and', or: 'or', not: 'not', notNull: 'notNull' };

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);

/**
 * Forcing `published` narrows the ROWS a public read returns, not the rows its filters join:
 * `filters: { localizations: { summary: { $startsWith: 'X' } } }` joins every row of the same
 * document (i18n's `localizations` is a join on document_id, drafts included), so a draft-only
 * translation's text could be probed letter by letter. This adds `publishedAt IS NOT NULL` to
 * every filter that goes through a relation to a draft-and-publish type, at any depth and
 * under and/or/not, so relation filters match published versions only (never published = never
 * matched). Filters on the document's own fields are returned unchanged.
 */
export function publishedRelationFilters(filters: unknown, uid: string, getModel: GetModel, dialect: FilterDialect): unknown {
  const model = getModel(uid);
  if (!model || !isPlainObject(filters)) return filters;
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filters)) {
    if (key === dialect.and || key === dialect.or || key === dialect.not) {
      result[key] = logicalOperands(value, (operand) => publishedRelationFilters(operand, uid, getModel, dialect));
    } else {
      const attribute = model.attributes[key];
      if (attribute?.type === 'relation' && attribute.target) {
        result[key] = relationFilter(value, attribute.target, getModel, dialect);
      } else if (attribute?.type === 'component' && attribute.component) {
        result[key] = publishedRelationFilters(value, attribute.component, getModel, dialect);
      } else {
        result[key] = value;
      }
    }
  }
  return result;
}

/**
 * Sorting through `localizations` orders the rows by their drafts' text (that join spans every
 * version of the document): next to a row whose text is known, an oracle as good as a filter.
 * A sort cannot carry a condition, so untrusted readers may not sort through `localizations`.
 * Other relations of a published version lead to published versions only.
 */
export function assertNoLocalizationSort(sort: unknown): void {
  if (sortsThroughLocalizations(sort)) {
    throw new errors.ValidationError('sorting through localizations is not allowed');
  }
}

function sortsThroughLocalizations(sort: unknown): boolean {
  if (typeof sort === 'string') return sort.split(/[.,:\s]/).some((segment) => segment.toLowerCase() === 'localizations');
  if (Array.isArray(sort)) return sort.some(sortsThroughLocalizations);
  if (isPlainObject(sort)) {
    return Object.entries(sort).some(([key, value]) => key.split('.').includes('localizations') || sortsThroughLocalizations(value));
  }
  return false;
}

/**
 * The same for the `filters` (and `sort`) inside a REST `populate` (`populate[lessons][filters][localizations]…`),
 * through nested populates, components and dynamic-zone `on` fragments.
 */
export function publishedPopulateFilters(populate: unknown, uid: string, getModel: GetModel): unknown {
  const model = getModel(uid);
  if (!model || !isPlainObject(populate)) return populate; // '*', 'a,b', ['a', 'b']: no filters inside
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(populate)) {
    const attribute = model.attributes[key];
    const target = attribute?.type === 'relation' ? attribute.target : attribute?.type === 'component' ? attribute.component : undefined;
    if (!isPlainObject(value) || (!target && attribute?.type !== 'dynamiczone')) {
      result[key] = value;
      continue;
    }
    const entry: Record<string, unknown> = { ...value };
    if ('sort' in value) assertNoLocalizationSort(value.sort);
    if (target && 'filters' in value) entry.filters = publishedRelationFilters(value.filters, target, getModel, DOCUMENT_FILTERS);
    if (target && 'populate' in value) entry.populate = publishedPopulateFilters(value.populate, target, getModel);
    if (isPlainObject(value.on)) {
      entry.on = Object.fromEntries(
        Object.entries(value.on).map(([component, fragment]) => [
          component,
          isPlainObject(fragment) && 'populate' in fragment
            ? { ...fragment, populate: publishedPopulateFilters(fragment.populate, component, getModel) }
            : fragment,
        ])
      );
    }
    result[key] = entry;
  }
  return result;
}

function relationFilter(value: unknown, target: string, getModel: GetModel, dialect: FilterDialect): unknown {
  if (!isPlainObject(value)) {
    // e.g. `filters[localizations]=1`: no field to compare, nothing to add the condition to.
    throw new errors.ValidationError('a filter on a relation must name the fields it compares');
  }
  const nested = publishedRelationFilters(value, target, getModel, dialect) as Record<string, unknown>;
  if (!getModel(target)?.options?.draftAndPublish) return nested;
  return { ...nested, publishedAt: { [dialect.notNull]: true } };
}

/**
 * Operands of and/or/not: an array, or (qs turns `[$or][101]` into an object once an array passes
 * 100 items) an object keyed by index. Anything else is rewritten as one filter.
 */
function logicalOperands(value: unknown, rewrite: (operand: unknown) => unknown): unknown {
  if (Array.isArray(value)) return value.map(rewrite);
  if (isPlainObject(value) && Object.keys(value).every((key) => /^\d+$/.test(key))) {
    return Object.fromEntries(Object.entries(value).map(([key, operand]) => [key, rewrite(operand)]));
  }
  return rewrite(value);
}
