import type { Core } from '@strapi/strapi';

/**
 * Strapi applies attribute defaults in the application, not as column defaults, so rows written
 * before an attribute existed keep NULL in it. For required attributes that breaks readers
 * (GraphQL declares them non-null). Fill them with the default once per start: one UPDATE per
 * attribute, touching only NULL rows.
 */
export async function backfillRequiredDefaults(strapi: Core.Strapi, uids: readonly string[]): Promise<number> {
  let filled = 0;
  for (const uid of uids) {
    const attributes = strapi.contentType(uid as any)?.attributes ?? {};
    for (const [name, attribute] of Object.entries(attributes) as [string, any][]) {
      if (!attribute.required || attribute.default === undefined || typeof attribute.default === 'function') continue;
      const { count } = await strapi.db.query(uid as any).updateMany({
        where: { [name]: { $null: true } },
        data: { [name]: attribute.default },
      });
      if (count) strapi.log.info(`[community] ${uid}.${name}: filled the default into ${count} older rows`);
      filled += count;
    }
  }
  return filled;
}
