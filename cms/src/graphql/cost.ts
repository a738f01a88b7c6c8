import {
  GraphQLError,
  Kind,
  getNamedType,
  isCompositeType,
  isObjectType,
  isInterfaceType,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  type ASTVisitor,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValueNode,
  type ValidationContext,
} from 'graphql';

/**
 * The page sizes Strapi applies to a list field (plugin::graphql `defaultLimit` and `maxLimit`).
 * A list without `pagination` returns `defaultLimit` items; any asked size is capped at `maxLimit`.
 */
export type ListLimits = { defaultLimit: number; maxLimit: number };

/**
 * Upper bound of the objects a query may load: every field with a selection set counts one
 * object per item its parent may hold, and a field taking Strapi's `pagination` argument holds
 * up to the page size it asks for (a variable counts as `maxLimit`, since validation cannot see
 * variables). Aliases are separate fields, so each alias costs again; scalars are free (they
 * come with their row). graphql-armor's cost-limit multiplies only by `first`/`last`, which
 * Strapi does not have, so it would price `lessons(pagination: { limit: 200 })` as one object.
 */
export function queryCost(schema: GraphQLSchema, document: DocumentNode, limits: ListLimits): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  let total = 0;
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    const root = schema.getRootType(definition.operation);
    if (root) total += selectionCost(schema, definition.selectionSet, root, limits, fragments, new Map(), new Set());
  }
  return total;
}

/** A validation rule (Apollo `validationRules`) that reports operations costing more than `maxCost`. */
export function costLimitRule(options: ListLimits & { maxCost: number }) {
  return (context: ValidationContext): ASTVisitor => ({
    Document(document) {
      const cost = queryCost(context.getSchema(), document, options);
      if (cost > options.maxCost) {
        context.reportError(new GraphQLError(`Query cost limit of ${options.maxCost} exceeded, found ${cost}.`));
      }
    },
  });
}

function selectionCost(
  schema: GraphQLSchema,
  selectionSet: SelectionSetNode,
  parent: GraphQLCompositeType,
  limits: ListLimits,
  fragments: Map<string, FragmentDefinitionNode>,
  fragmentCosts: Map<string, number>,
  visiting: Set<string>
): number {
  let cost = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (!selection.selectionSet) continue;
      const field = fieldDefinition(schema, parent, selection.name.value);
      const type = field && getNamedType(field.type);
      // Unknown fields cost nothing here: the standard rules refuse the document anyway.
      if (!field || !type || !isCompositeType(type)) continue;
      const children = selectionCost(schema, selection.selectionSet, type, limits, fragments, fragmentCosts, visiting);
      cost += pageSize(field, selection.arguments ?? [], limits) * (1 + children);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
      if (type && isCompositeType(type)) {
        cost += selectionCost(schema, selection.selectionSet, type, limits, fragments, fragmentCosts, visiting);
      }
    } else {
      const name = selection.name.value;
      const fragment = fragments.get(name);
      // A cycle is refused by the standard NoFragmentCycles rule; here it must only not loop.
      if (!fragment || visiting.has(name)) continue;
      if (!fragmentCosts.has(name)) {
        const type = schema.getType(fragment.typeCondition.name.value);
        visiting.add(name);
        const own = type && isCompositeType(type) ? selectionCost(schema, fragment.selectionSet, type, limits, fragments, fragmentCosts, visiting) : 0;
        visiting.delete(name);
        // Memoised: a fragment spread many times (a "fragment bomb") is priced once per spread, not re-walked.
        fragmentCosts.set(name, own);
      }
      cost += fragmentCosts.get(name)!;
    }
  }
  return cost;
}

function fieldDefinition(schema: GraphQLSchema, parent: GraphQLCompositeType, name: string): GraphQLField<unknown, unknown> | undefined {
  if (name === SchemaMetaFieldDef.name && parent === schema.getQueryType()) return SchemaMetaFieldDef;
  if (name === TypeMetaFieldDef.name && parent === schema.getQueryType()) return TypeMetaFieldDef;
  if (isObjectType(parent) || isInterfaceType(parent)) return parent.getFields()[name];
  return undefined; // union: only fragments select on it
}

/** Items a field may return: 1 unless it takes `pagination`; then the size it asks for, within Strapi's bounds. */
function pageSize(field: GraphQLField<unknown, unknown>, args: readonly { name: { value: string }; value: ValueNode }[], limits: ListLimits): number {
  if (!field.args.some((arg) => arg.name === 'pagination')) return 1;
  const pagination = args.find((arg) => arg.name.value === 'pagination')?.value;
  if (!pagination) return limits.defaultLimit;
  if (pagination.kind !== Kind.OBJECT) return limits.maxLimit; // a variable (or something odd): assume the worst
  const size = pagination.fields.find((f) => f.name.value === 'limit' || f.name.value === 'pageSize')?.value;
  if (!size) return limits.defaultLimit;
  if (size.kind !== Kind.INT) return limits.maxLimit;
  const asked = Number.parseInt(size.value, 10);
  if (asked === -1 || asked > limits.maxLimit) return limits.maxLimit; // -1 means "all", which Strapi caps at maxLimit
  return Math.max(asked, 1);
}
