import type { Core } from '@strapi/strapi';
import { isUntrustedContentApiRequest } from './published-only-for-public';
import { GRAPHQL_FILTERS, assertNoLocalizationSort, publishedRelationFilters, type GetModel } from '../services/published-relations';

type RootArgs = { status?: string; publicationFilter?: unknown; hasPublishedVersion?: unknown };
type FieldArgs = { status?: string; filters?: unknown; sort?: unknown };

/**
 * The document-service middleware (published-only-for-public.ts) forces `published` on root
 * GraphQL queries, but Strapi's GraphQL resolves RELATIONS (lessons, instructor, `localizations`…)
 * straight from the database, with the status of the ROOT query's arguments as the client sent
 * them (`status: DRAFT`, kept in `context.rootQueryArgsByPath`). `localizations` made that visible
 * with i18n: the draft versions of other locales. This Nexus plugin rewrites those stored root
 * arguments to `published` for untrusted callers before the root resolver runs, so every nested
 * relation of the query is narrowed to published versions too. For the same reason the `filters`
 * of a relation field (`lessons(filters: { localizations: … })`) get the published-only condition
 * on their own relations here, and its `sort` may not go through `localizations`: the document
 * service never sees them.
 */
export function registerGraphqlPublishedOnly(strapi: Core.Strapi): void {
  const graphql = strapi.plugin('graphql');
  if (!graphql) return;
  const getModel = ((uid: string) => strapi.getModel(uid as any)) as GetModel;
  let uidsByTypeName: Map<string, string> | undefined;
  const relationTarget = (typeName: string, fieldName: string): string | null => {
    uidsByTypeName ??= typeNames(strapi);
    const uid = uidsByTypeName.get(typeName);
    // `lessons_connection` is the same relation as `lessons`, with page info.
    const attribute = uid ? getModel(uid)?.attributes[fieldName.replace(/_connection$/, '')] : undefined;
    return attribute?.type === 'relation' && attribute.target ? attribute.target : null;
  };

  graphql.service('extension').use(({ nexus }: { nexus: any }) => ({
    plugins: [
      nexus.plugin({
        name: 'CommunityPublishedOnlyForPublic',
        onCreateFieldResolver(config: { parentTypeConfig: { name: string }; fieldConfig: { name: string } }) {
          let target: string | null | undefined;
          return (source: unknown, args: FieldArgs, context: any, info: any, next: any) => {
            if (!source && info?.operation?.operation === 'query' && isUntrustedContentApiRequest()) {
              const stored = context?.rootQueryArgsByPath?.get(info.path.key) as RootArgs | undefined;
              if (stored) {
                stored.status = 'published';
                delete stored.publicationFilter;
                delete stored.hasPublishedVersion;
              }
              if (args && 'status' in args) args.status = 'published';
            } else if (source && (args?.filters || args?.sort) && isUntrustedContentApiRequest()) {
              if (target === undefined) target = relationTarget(config.parentTypeConfig.name, config.fieldConfig.name);
              if (target && args.sort) assertNoLocalizationSort(args.sort);
              if (target && args.filters) args.filters = publishedRelationFilters(args.filters, target, getModel, GRAPHQL_FILTERS);
            }
            return next(source, args, context, info);
          };
        },
      }),
    ],
  }));
}

/** GraphQL type name → uid, named as plugin::graphql names them (CommunityCourse, components by globalId). */
function typeNames(strapi: Core.Strapi): Map<string, string> {
  const naming = strapi.plugin('graphql').service('utils').naming;
  const names = new Map<string, string>();
  for (const [uid, contentType] of Object.entries(strapi.contentTypes)) names.set(naming.getTypeName(contentType), uid);
  for (const [uid, component] of Object.entries(strapi.components)) names.set((component as { globalId: string }).globalId, uid);
  return names;
}
