import type { Core } from '@strapi/strapi';
import { isUntrustedContentApiRequest } from './published-only-for-public';

type RootArgs = { status?: string; publicationFilter?: unknown; hasPublishedVersion?: unknown };

/**
 * The document-service middleware (published-only-for-public.ts) forces `published` on root
 * GraphQL queries, but Strapi's GraphQL resolves RELATIONS (lessons, instructor, `localizations`…)
 * straight from the database, with the status of the ROOT query's arguments as the client sent
 * them (`status: DRAFT`, kept in `context.rootQueryArgsByPath`). `localizations` made that visible
 * with i18n: the draft versions of other locales. This Nexus plugin rewrites those stored root
 * arguments to `published` for untrusted callers before the root resolver runs, so every nested
 * relation of the query is narrowed to published versions too.
 */
export function registerGraphqlPublishedOnly(strapi: Core.Strapi): void {
  const graphql = strapi.plugin('graphql');
  if (!graphql) return;
  graphql.service('extension').use(({ nexus }: { nexus: any }) => ({
    plugins: [
      nexus.plugin({
        name: 'CommunityPublishedOnlyForPublic',
        onCreateFieldResolver() {
          return (source: unknown, args: RootArgs, context: any, info: any, next: any) => {
            if (!source && info?.operation?.operation === 'query' && isUntrustedContentApiRequest()) {
              const stored = context?.rootQueryArgsByPath?.get(info.path.key) as RootArgs | undefined;
              if (stored) {
                stored.status = 'published';
                delete stored.publicationFilter;
                delete stored.hasPublishedVersion;
              }
              if (args && 'status' in args) args.status = 'published';
            }
            return next(source, args, context, info);
          };
        },
      }),
    ],
  }));
}
