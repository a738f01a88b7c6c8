import { GraphQLError, parse, validate, type GraphQLSchema, type ValidationRule } from 'graphql';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { costLimitRule, queryCost, type ListLimits } from './cost';

export { queryCost };

/** Strapi's page sizes for GraphQL lists (plugin::graphql defaultLimit / maxLimit). */
export const LIST_LIMITS: ListLimits = { defaultLimit: 25, maxLimit: 200 };

/**
 * What one GraphQL request may ask for. The storefront's heaviest query (courses by ids: a page
 * of 200 courses × 200 lessons + 50 tags) costs 50,400 (cms/tests/graphql-limits.test.ts prints
 * them all), so the cost limit leaves it three times that, whatever the data; 3 aliases of
 * lessons → course → lessons as deep as the depth limit cost 2.4 million with default page sizes.
 * The storefront sends no aliases and under 200 tokens per document.
 */
export const GRAPHQL_LIMITS = {
  depthLimit: 8,
  maxCost: 150_000,
  maxAliases: 10,
  maxTokens: 1000,
} as const;

/** The rules Apollo runs after its standard ones; the early guard (src/middlewares/graphql-limits.ts) runs the same. */
export function limitRules(): ValidationRule[] {
  return [
    // Report instead of throw: Apollo turns reported errors into a 400, a thrown one into a 500.
    maxAliasesRule({ n: GRAPHQL_LIMITS.maxAliases, propagateOnRejection: false, onReject: [(context, error) => context?.reportError(error)] }),
    costLimitRule({ ...LIST_LIMITS, maxCost: GRAPHQL_LIMITS.maxCost }),
  ];
}

let servedSchema: GraphQLSchema | undefined;

/** The schema Apollo serves, once it started (one Strapi per process). */
export const currentSchema = () => servedSchema;

/**
 * Options for plugin::graphql's `apolloServer` (merged into Strapi's own: arrays are appended,
 * so Strapi's depth limit stays).
 */
export function apolloServerLimits() {
  return {
    validationRules: limitRules(),
    // graphql-js counts tokens while parsing and stops at the limit (what armor's max-tokens does for Envelop).
    parseOptions: { maxTokens: GRAPHQL_LIMITS.maxTokens },
    // No "Did you mean …?" in validation errors: they map the schema for whoever guesses.
    hideSchemaDetailsFromClientErrors: true,
    // The storefront does not use persisted queries; the early guard checks only documents it can see.
    persistedQueries: false as const,
    // Strapi's own CORS middleware (config/middlewares.ts) decides; Apollo's default echoes every origin.
    cors: false,
    plugins: [
      {
        async serverWillStart({ schema }: { schema: GraphQLSchema }) {
          servedSchema = schema;
        },
      },
    ],
  };
}

export type Refusal = { code: 'GRAPHQL_PARSE_FAILED' | 'GRAPHQL_VALIDATION_FAILED'; errors: GraphQLError[] };

let guardRules: ValidationRule[] | undefined;

/**
 * Parses `source` with the token limit and runs the limit rules only (Apollo runs the full
 * validation later): a refusal for a document over a limit or unparsable, null otherwise.
 */
export function checkLimits(schema: GraphQLSchema, source: string): Refusal | null {
  let document;
  try {
    document = parse(source, { maxTokens: GRAPHQL_LIMITS.maxTokens });
  } catch (error) {
    return { code: 'GRAPHQL_PARSE_FAILED', errors: [error instanceof GraphQLError ? error : new GraphQLError(String(error))] };
  }
  guardRules ??= limitRules(); // rules are stateless factories: one set serves every request
  const errors = validate(schema, document, guardRules);
  return errors.length ? { code: 'GRAPHQL_VALIDATION_FAILED', errors: [...errors] } : null;
}
