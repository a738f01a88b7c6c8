import Medusa, { FetchError } from '@medusajs/js-sdk';
import {
  MEDUSA_PUBLISHABLE_KEY,
  MEDUSA_URL,
  UPSTREAM_TIMEOUT_MS,
} from 'astro:env/server';
import { z } from 'astro/zod';
import { courseProductHandle } from '../features/catalog/course-schema';
import { amountToFen } from './money';
import { UpstreamError } from './upstream-error';
import { withTimeout } from './with-timeout';

/**
 * The one client for Medusa's store API. It is shared by all requests, so it must
 * never hold a customer session: tokens are not stored.
 */
const sdk = new Medusa({
  baseUrl: MEDUSA_URL,
  publishableKey: MEDUSA_PUBLISHABLE_KEY || undefined,
  auth: { type: 'jwt', jwtTokenStorageMethod: 'nostore' },
});

const REGION_CURRENCY = 'cny';
const PAYMENT_PROVIDER_ID = 'pp_system_default';

// Medusa serialises amounts as numbers; accept numeric strings too, in case a BigNumber leaks through.
const amountSchema = z.union([
  z.number(),
  z
    .string()
    .regex(/^-?\d+(\.\d+)?$/)
    .transform(Number),
]);

const regionListSchema = z.object({
  regions: z.array(z.object({ id: z.string(), currency_code: z.string() })),
});

const productListSchema = z.object({
  products: z.array(
    z.object({
      id: z.string(),
      variants: z
        .array(
          z.object({
            id: z.string(),
            calculated_price: z
              .object({
                calculated_amount: amountSchema.nullish(),
                currency_code: z.string().nullish(),
              })
              .nullish(),
          }),
        )
        .nullish(),
    }),
  ),
});

// passthrough: the whole cart is handed back to the SDK for the payment step.
const cartSchema = z.object({
  cart: z
    .object({ id: z.string(), payment_collection: z.object({ id: z.string() }).nullish() })
    .passthrough(),
});
type PaymentCart = Parameters<typeof sdk.store.payment.initiatePaymentSession>[0];

const completeCartSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('order'), order: z.object({ id: z.string() }) }),
  z.object({
    type: z.literal('cart'),
    error: z.object({ message: z.string().nullish() }).passthrough().nullish(),
  }),
]);

const orderSchema = z.object({
  order: z.object({
    id: z.string(),
    display_id: z.number().int(),
    email: z.string().nullish(),
    currency_code: z.string(),
    total: amountSchema,
    items: z
      .array(
        z.object({
          id: z.string(),
          title: z.string(),
          product_title: z.string().nullish(),
          quantity: amountSchema,
        }),
      )
      .nullish(),
  }),
});

/** What a course sells for right now, according to Medusa. */
export interface CourseOffer {
  productId: string;
  variantId: string;
  priceFen: number;
}

export interface OrderSummary {
  id: string;
  displayId: number;
  email: string | null;
  totalFen: number;
  currencyCode: string;
  items: { id: string; title: string; quantity: number }[];
}

/** Outcome of a checkout attempt that reached Medusa. */
export type PlaceOrderResult =
  | { ok: true; orderId: string }
  | { ok: false; reason: 'payment'; message: string | null };

function toUpstreamError(error: unknown, what: string): UpstreamError {
  if (error instanceof UpstreamError) return error;
  const status = error instanceof FetchError ? error.status : undefined;
  return new UpstreamError('commerce', `${what} failed`, { status, cause: error });
}

function parse<T>(schema: z.ZodType<T, z.ZodTypeDef, unknown>, data: unknown, what: string): T {
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    throw new UpstreamError('commerce', `${what}: response does not match the contract`, {
      cause: parsed.error,
    });
  }
  return parsed.data;
}

/** Reads get a deadline; writes do not, because abandoning a write could hide a placed order. */
async function read<T>(what: string, call: () => Promise<unknown>, schema: z.ZodType<T, z.ZodTypeDef, unknown>): Promise<T> {
  let data: unknown;
  try {
    data = await withTimeout(call(), UPSTREAM_TIMEOUT_MS, what);
  } catch (error) {
    throw toUpstreamError(error, what);
  }
  return parse(schema, data, what);
}

async function write<T>(what: string, call: () => Promise<unknown>, schema: z.ZodType<T, z.ZodTypeDef, unknown>): Promise<T> {
  let data: unknown;
  try {
    data = await call();
  } catch (error) {
    throw toUpstreamError(error, what);
  }
  return parse(schema, data, what);
}

// The region never changes at run time; cache the lookup (the promise, so concurrent
// requests share one call) and forget it on failure so the next request retries.
let regionIdPromise: Promise<string> | undefined;

export function getRegionId(): Promise<string> {
  regionIdPromise ??= (async () => {
    const { regions } = await read(
      'region.list',
      () => sdk.store.region.list({ limit: 100 }),
      regionListSchema,
    );
    const region = regions.find((r) => r.currency_code.toLowerCase() === REGION_CURRENCY);
    if (!region) throw new UpstreamError('commerce', `No region with currency ${REGION_CURRENCY}`);
    return region.id;
  })().catch((error: unknown) => {
    regionIdPromise = undefined;
    throw error;
  });
  return regionIdPromise;
}

/**
 * The offer for a CMS course (by Strapi documentId), or null when Medusa does not sell it
 * (not synced yet, withdrawn, or no price in the CNY region).
 */
export async function findCourseOffer(documentId: string): Promise<CourseOffer | null> {
  const region_id = await getRegionId();
  const { products } = await read(
    'product.list',
    () =>
      sdk.store.product.list({
        handle: courseProductHandle(documentId),
        region_id,
        fields: '*variants.calculated_price',
        limit: 1,
      }),
    productListSchema,
  );
  const product = products[0];
  // A course product has exactly one variant.
  const variant = product?.variants?.[0];
  const price = variant?.calculated_price;
  if (!product || !variant || price?.calculated_amount == null) return null;
  if (price.currency_code && price.currency_code.toLowerCase() !== REGION_CURRENCY) return null;
  return { productId: product.id, variantId: variant.id, priceFen: amountToFen(price.calculated_amount) };
}

/**
 * Guest checkout of one variant: cart → line item → payment session → complete.
 * Throws UpstreamError when Medusa is down or refuses a step.
 */
export async function placeGuestOrder(input: {
  variantId: string;
  email: string;
  /** Attribution (channel codes etc.) goes here. */
  metadata: Record<string, unknown>;
}): Promise<PlaceOrderResult> {
  const region_id = await getRegionId();
  const created = await write(
    'cart.create',
    () => sdk.store.cart.create({ region_id, email: input.email, metadata: input.metadata }),
    cartSchema,
  );
  const cartId = created.cart.id;
  const withItem = await write(
    'cart.createLineItem',
    () => sdk.store.cart.createLineItem(cartId, { variant_id: input.variantId, quantity: 1 }),
    cartSchema,
  );
  await write(
    'payment.initiatePaymentSession',
    // The SDK only reads id and payment_collection from the cart; both survive parsing.
    () =>
      sdk.store.payment.initiatePaymentSession(withItem.cart as unknown as PaymentCart, {
        provider_id: PAYMENT_PROVIDER_ID,
      }),
    z.object({ payment_collection: z.object({ id: z.string() }) }),
  );

  const completed = await write(
    'cart.complete',
    () => sdk.store.cart.complete(cartId),
    completeCartSchema,
  );
  if (completed.type === 'order') return { ok: true, orderId: completed.order.id };
  return { ok: false, reason: 'payment', message: completed.error?.message ?? null };
}

/** A placed order for the confirmation page, or null if there is no such order. */
export async function getOrder(orderId: string): Promise<OrderSummary | null> {
  let order: z.infer<typeof orderSchema>['order'];
  try {
    ({ order } = await read('order.retrieve', () => sdk.store.order.retrieve(orderId), orderSchema));
  } catch (error) {
    // Medusa answers 404 for unknown ids (400 for malformed ones): that is "no order", not an outage.
    if (error instanceof UpstreamError && (error.status === 404 || error.status === 400)) return null;
    throw error;
  }
  return {
    id: order.id,
    displayId: order.display_id,
    email: order.email ?? null,
    totalFen: amountToFen(order.total),
    currencyCode: order.currency_code,
    items: (order.items ?? []).map((item) => ({
      id: item.id,
      title: item.product_title || item.title,
      quantity: item.quantity,
    })),
  };
}
