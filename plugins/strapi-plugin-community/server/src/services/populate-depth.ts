const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Values that switch a relation on or off rather than say what to populate inside it. */
const SWITCHES = new Set(['true', 'false', '*', '1', '0']);

/**
 * How many relation levels a REST `populate` parameter reaches, in every form Strapi reads:
 * `*` and `a,b` (1), `a.b.c` (3), `['a', 'b.c']`, `{ a: { populate: { b: true } } }` (2),
 * `{ a: { populate: '*' } }` (2: a wildcard is one level, of every relation) and dynamic-zone
 * fragments `{ dz: { on: { 'x.y': { populate: … } } } }` (the zone is the level).
 * Recursion is bounded by the query-string parser (qs depth 20).
 */
export function populateDepth(populate: unknown): number {
  if (populate === undefined || populate === null || populate === false || populate === '') return 0;
  if (typeof populate === 'string') {
    return Math.max(0, ...populate.split(',').map((path) => (path.trim() ? path.trim().split('.').length : 0)));
  }
  if (Array.isArray(populate)) return Math.max(0, ...populate.map(populateDepth));
  if (isPlainObject(populate)) {
    return Math.max(0, ...Object.entries(populate).map(([key, value]) => key.split('.').length + innerDepth(value)));
  }
  return 1; // true
}

function innerDepth(value: unknown): number {
  if (typeof value === 'string') return SWITCHES.has(value) ? 0 : populateDepth(value);
  if (!isPlainObject(value)) return 0;
  const fragments = isPlainObject(value.on) ? Object.values(value.on).map((fragment) => (isPlainObject(fragment) ? populateDepth(fragment.populate) : 0)) : [];
  return Math.max(populateDepth(value.populate), ...fragments);
}
