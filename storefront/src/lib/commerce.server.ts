import { amountToFen, bundleProductHandle, courseProductHandle, membershipProductHandle } from '@community/contracts';
import Medusa, { FetchError } from '@medusajs/js-sdk';
import {
  MEDUSA_PUBLISHABLE_KEY,
  MEDUSA_URL,
  UPSTREAM_TIMEOUT_MS,
} from 'astro:env/server';
import { z } from 'astro/zod';
import { entitlementsResponseSchema, lessonAccessSchema, type Entitlement, type LessonAccess } from '../features/account/entitlements';
import {
  memberPricesResponseSchema,
  membershipPlansResponseSchema,
  membershipResponseSchema,
  type Membership,
  type MembershipPlan,
} from '../features/membership/membership-schema';
import type { MemberAddress } from '../features/security/client-address';
import { UpstreamError } from './upstream-error';
import { withTimeout } from './with-timeout';

/**
 * The one client for Medusa's store API. It is shared by all requests, so it must
 * never hold a customer session: tokens are not stored.
 */
export const sdk = new Medusa({
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
      handle: z.string().nullish(),
      title: z.string().nullish(),
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
    .object({
      id: z.string(),
      total: amountSchema.nullish(),
      payment_collection: z.object({ id: z.string() }).nullish(),
    })
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
          unit_price: amountSchema.nullish(),
          metadata: z.record(z.unknown()).nullish(),
        }),
      )
      .nullish(),
  }),
});

const tokenSchema = z.object({ token: z.string().min(1) });

const customerSchema = z.object({
  customer: z.object({
    id: z.string(),
    email: z.string(),
    first_name: z.string().nullish(),
    last_name: z.string().nullish(),
  }),
});

/** What a course or bundle sells for right now, according to Medusa. */
export interface Offer {
  productId: string;
  variantId: string;
  priceFen: number;
  /** The product's title in commerce (the CMS's zh-CN title, kept in step by the catalog sync). */
  title: string;
}

/** A signed-in customer (validated against Medusa with their token). */
export interface Customer {
  id: string;
  email: string;
  firstName: string | null;
  lastName: string | null;
}

export interface OrderItem {
  id: string;
  title: string;
  quantity: number;
  unitPriceFen: number | null;
  /** Set on a "complete the course" (补差价) line: what was credited, and the list price. */
  upgradeCreditFen: number | null;
  listPriceFen: number | null;
}

export interface OrderSummary {
  id: string;
  displayId: number;
  email: string | null;
  totalFen: number;
  currencyCode: string;
  items: OrderItem[];
}

/** Outcome of a checkout attempt that reached Medusa. */
export type PlaceOrderResult =
  | { ok: true; orderId: string }
  | { ok: false; reason: 'payment'; message: string | null }
  /** Only for upgrades: commerce refused the upgrade (400/403/404), with its reason. */
  | { ok: false; reason: 'not_eligible'; message: string | null }
  /** The cart's total is not what the buyer confirmed: nothing was charged; show the new price. */
  | { ok: false; reason: 'price_changed'; totalFen: number };

/** Per-call header for a customer's JWT: the shared SDK instance never stores one. */
export function bearer(token: string): Record<string, string> {
  return { Authorization: `Bearer ${token}` };
}

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
export async function read<T>(what: string, call: () => Promise<unknown>, schema: z.ZodType<T, z.ZodTypeDef, unknown>): Promise<T> {
  let data: unknown;
  try {
    data = await withTimeout(call(), UPSTREAM_TIMEOUT_MS, what);
  } catch (error) {
    throw toUpstreamError(error, what);
  }
  return parse(schema, data, what);
}

export async function write<T>(what: string, call: () => Promise<unknown>, schema: z.ZodType<T, z.ZodTypeDef, unknown>): Promise<T> {
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
 * Offers by product handle, for the handles Medusa sells right now (a product that is not
 * synced yet, withdrawn, or has no price in the CNY region is simply absent). One request.
 */
export async function findOffers(
  handles: readonly string[],
  /** With a customer's token, prices are that customer's (an active member gets member prices). */
  options: { customerToken?: string | null } = {},
): Promise<Map<string, Offer>> {
  const offers = new Map<string, Offer>();
  if (handles.length === 0) return offers;
  const region_id = await getRegionId();
  const headers = options.customerToken ? bearer(options.customerToken) : undefined;
  const { products } = await read(
    'product.list',
    () =>
      sdk.store.product.list(
        {
          handle: [...handles],
          region_id,
          // Without a +/- prefix, fields replace Medusa's defaults: name handle (the map key) explicitly.
          fields: 'handle,title,*variants.calculated_price',
          limit: handles.length,
        },
        headers,
      ),
    productListSchema,
  );
  for (const product of products) {
    // A course or bundle product has exactly one variant.
    const variant = product.variants?.[0];
    const price = variant?.calculated_price;
    if (!product.handle || !variant || price?.calculated_amount == null) continue;
    if (price.currency_code && price.currency_code.toLowerCase() !== REGION_CURRENCY) continue;
    offers.set(product.handle, {
      productId: product.id,
      variantId: variant.id,
      priceFen: amountToFen(price.calculated_amount),
      title: product.title ?? product.handle,
    });
  }
  return offers;
}

/**
 * The offer for a CMS course (by Strapi documentId), or null when Medusa does not sell it
 * (not synced yet, withdrawn, or no price in the CNY region).
 */
export async function findCourseOffer(documentId: string): Promise<Offer | null> {
  const handle = courseProductHandle(documentId);
  return (await findOffers([handle])).get(handle) ?? null;
}

/** The course's offer and its bundles' offers (by bundle document id), in one request. */
export async function findCoursePageOffers(
  courseDocumentId: string,
  bundleDocumentIds: readonly string[],
): Promise<{ course: Offer | null; bundles: Map<string, Offer> }> {
  const courseHandle = courseProductHandle(courseDocumentId);
  const offers = await findOffers([courseHandle, ...bundleDocumentIds.map(bundleProductHandle)]);
  const bundles = new Map<string, Offer>();
  for (const id of bundleDocumentIds) {
    const offer = offers.get(bundleProductHandle(id));
    if (offer) bundles.set(id, offer);
  }
  return { course: offers.get(courseHandle) ?? null, bundles };
}

// ---- Customers: sign-in, registration, the signed-in customer ----

export function isStatus(error: unknown, ...statuses: number[]): boolean {
  return error instanceof UpstreamError && error.status !== undefined && statuses.includes(error.status);
}

/**
 * A fresh JWT for a still-valid one (sliding sign-in), or null when the token is no longer
 * accepted. Medusa checks the old token before issuing the new one.
 */
export async function refreshCustomerToken(token: string): Promise<string | null> {
  try {
    const { token: fresh } = await read(
      'auth.refresh',
      () => sdk.client.fetch('/auth/token/refresh', { method: 'POST', headers: bearer(token) }),
      tokenSchema,
    );
    return fresh;
  } catch (error) {
    if (isStatus(error, 401)) return null;
    throw error;
  }
}

/** The customer a JWT belongs to, or null when the token is invalid or expired. */
export async function getCustomer(token: string): Promise<Customer | null> {
  try {
    const { customer } = await read(
      'customer.retrieve',
      () => sdk.store.customer.retrieve({ fields: 'id,email,first_name,last_name' }, bearer(token)),
      customerSchema,
    );
    return {
      id: customer.id,
      email: customer.email,
      firstName: customer.first_name ?? null,
      lastName: customer.last_name ?? null,
    };
  } catch (error) {
    if (isStatus(error, 401)) return null;
    throw error;
  }
}

/** What the customer holds (active entitlements), or null when the token is invalid. */
export async function listEntitlements(token: string): Promise<Entitlement[] | null> {
  try {
    const { entitlements } = await read(
      'entitlements.list',
      () => sdk.client.fetch('/store/customers/me/entitlements', { headers: bearer(token) }),
      entitlementsResponseSchema,
    );
    return entitlements;
  } catch (error) {
    if (isStatus(error, 401)) return null;
    throw error;
  }
}

/**
 * May this customer open this lesson now? Commerce decides from entitlements and from the
 * visibility the catalog sync delivered to it (member-only content): nothing about visibility is
 * sent from here. Commerce does not know which lessons belong to which course: the caller must
 * have checked that in the CMS. Null when the token is invalid.
 */
export async function getLessonAccess(
  token: string,
  courseDocumentId: string,
  lessonDocumentId: string,
): Promise<LessonAccess | null> {
  const query: Record<string, string> = {
    course_document_id: courseDocumentId,
    lesson_document_id: lessonDocumentId,
  };
  try {
    return await read(
      'lesson-access',
      () =>
        sdk.client.fetch('/store/customers/me/lesson-access', {
          headers: bearer(token),
          query,
        }),
      lessonAccessSchema,
    );
  } catch (error) {
    if (isStatus(error, 401)) return null;
    throw error;
  }
}

// ---- Membership (付费会员) ----

/** A plan with what it sells for (null: its product is not on sale in the CNY region). */
export interface PlanOffer {
  plan: MembershipPlan;
  offer: Offer | null;
}

/** The active plans (month → lifetime) with their offers (product `membership-<handle>`). */
export async function listMembershipPlans(): Promise<PlanOffer[]> {
  const { membership_plans: plans } = await read(
    'membership-plans.list',
    () => sdk.client.fetch('/store/membership-plans'),
    membershipPlansResponseSchema,
  );
  const active = plans.filter((plan) => plan.isActive);
  const offers = await findOffers(active.map((plan) => membershipProductHandle(plan.handle)));
  return active.map((plan) => ({ plan, offer: offers.get(membershipProductHandle(plan.handle)) ?? null }));
}

/** The customer's membership (any status), or null: none, or the token is no longer valid. */
export async function getMembership(token: string): Promise<Membership | null> {
  try {
    const { membership } = await read(
      'membership.retrieve',
      () => sdk.client.fetch('/store/customers/me/membership', { headers: bearer(token) }),
      membershipResponseSchema,
    );
    return membership;
  } catch (error) {
    if (isStatus(error, 401)) return null;
    throw error;
  }
}

/** Member prices in fen by variant id (variants without one are absent). No auth. */
export async function getMemberPrices(variantIds: readonly string[]): Promise<Map<string, number>> {
  const prices = new Map<string, number>();
  const ids = [...new Set(variantIds)];
  if (ids.length === 0) return prices;
  const search = new URLSearchParams(ids.map((id) => ['variant_id', id]));
  const { member_prices } = await read(
    'member-prices',
    () => sdk.client.fetch(`/store/member-prices?${search}`),
    memberPricesResponseSchema,
  );
  for (const [variantId, amount] of Object.entries(member_prices)) prices.set(variantId, amountToFen(amount));
  return prices;
}

/**
 * Member prices in fen by product handle, for offers already found without a token. An active
 * member gets them from the product list called with their token (what they will be charged);
 * anyone else from /store/member-prices.
 */
export async function findMemberPrices(
  offers: ReadonlyMap<string, Offer>,
  activeMemberToken: string | null,
): Promise<Map<string, number>> {
  const byHandle = new Map<string, number>();
  if (offers.size === 0) return byHandle;
  if (activeMemberToken) {
    const own = await findOffers([...offers.keys()], { customerToken: activeMemberToken });
    for (const [handle, offer] of own) byHandle.set(handle, offer.priceFen);
    return byHandle;
  }
  const byVariant = await getMemberPrices([...offers.values()].map((offer) => offer.variantId));
  for (const [handle, offer] of offers) {
    const fen = byVariant.get(offer.variantId);
    if (fen !== undefined) byHandle.set(handle, fen);
  }
  return byHandle;
}

// ---- Checkout ----

/**
 * Payment session → complete, for a cart that holds what is being bought. The buyer confirmed
 * a total on the checkout page: when the cart's total is not that (a price changed meanwhile),
 * nothing is paid and the new total comes back for the buyer to confirm again.
 */
async function payAndComplete(
  cart: z.infer<typeof cartSchema>['cart'],
  headers: Record<string, string> | undefined,
  expectedTotalFen: number,
): Promise<PlaceOrderResult> {
  const totalFen = amountToFen(cart.total ?? Number.NaN);
  if (totalFen !== expectedTotalFen) return { ok: false, reason: 'price_changed', totalFen };
  await write(
    'payment.initiatePaymentSession',
    // The SDK only reads id and payment_collection from the cart; both survive parsing.
    () =>
      sdk.store.payment.initiatePaymentSession(
        cart as unknown as PaymentCart,
        { provider_id: PAYMENT_PROVIDER_ID },
        {},
        headers,
      ),
    z.object({ payment_collection: z.object({ id: z.string() }) }),
  );
  const completed = await write(
    'cart.complete',
    () => sdk.store.cart.complete(cart.id, {}, headers),
    completeCartSchema,
  );
  if (completed.type === 'order') return { ok: true, orderId: completed.order.id };
  return { ok: false, reason: 'payment', message: completed.error?.message ?? null };
}

async function createCart(input: {
  email: string;
  metadata: Record<string, unknown>;
  headers: Record<string, string> | undefined;
}) {
  const region_id = await getRegionId();
  const created = await write(
    'cart.create',
    () => sdk.store.cart.create({ region_id, email: input.email, metadata: input.metadata }, {}, input.headers),
    cartSchema,
  );
  return created.cart;
}

/**
 * Checkout of one variant: cart → line item → payment session → complete. With a customer
 * token every call carries it, so the cart and the order belong to that customer (and the
 * order grants them entitlements); without one it is a guest order.
 * Throws UpstreamError when Medusa is down or refuses a step.
 */
export async function placeOrder(input: {
  variantId: string;
  email: string;
  /** The signed-in customer's JWT (validated by the caller). */
  customerToken: string;
  /** The total the buyer confirmed, in fen. */
  expectedTotalFen: number;
  /** Attribution (channel codes etc.) goes here. */
  metadata: Record<string, unknown>;
}): Promise<PlaceOrderResult> {
  const headers = bearer(input.customerToken);
  const cart = await createCart({ email: input.email, metadata: input.metadata, headers });
  const withItem = await write(
    'cart.createLineItem',
    () => sdk.store.cart.createLineItem(cart.id, { variant_id: input.variantId, quantity: 1 }, {}, headers),
    cartSchema,
  );
  return payAndComplete(withItem.cart, headers, input.expectedTotalFen);
}

/**
 * "Complete the course" (补差价): a cart of the signed-in customer, into which commerce puts
 * the course at its price minus what the customer paid for its lessons; then payment and
 * completion as usual. Commerce decides eligibility and the price: a 400/403/404 comes back
 * as not_eligible with commerce's message.
 */
export async function placeUpgradeOrder(input: {
  courseDocumentId: string;
  email: string;
  customerToken: string;
  /** The total the buyer confirmed, in fen. */
  expectedTotalFen: number;
  metadata: Record<string, unknown>;
}): Promise<PlaceOrderResult> {
  const headers = bearer(input.customerToken);
  const cart = await createCart({ email: input.email, metadata: input.metadata, headers });
  let upgraded: z.infer<typeof cartSchema>;
  try {
    upgraded = await write(
      'cart.courseUpgrade',
      () =>
        sdk.client.fetch(`/store/carts/${encodeURIComponent(cart.id)}/course-upgrade`, {
          method: 'POST',
          headers,
          body: { course_document_id: input.courseDocumentId },
        }),
      cartSchema,
    );
  } catch (error) {
    if (isStatus(error, 400, 403, 404)) {
      const cause = (error as UpstreamError).cause;
      return { ok: false, reason: 'not_eligible', message: cause instanceof Error ? cause.message : null };
    }
    throw error;
  }
  return payAndComplete(upgraded.cart, headers, input.expectedTotalFen);
}

/**
 * One of the signed-in customer's orders (the receipt), or null: no such order, or not theirs
 * (commerce answers both with 404, so a stranger cannot tell them apart).
 */
export async function getOrder(orderId: string, token: string): Promise<OrderSummary | null> {
  let order: z.infer<typeof orderSchema>['order'];
  try {
    ({ order } = await read('order.retrieve', () => sdk.store.order.retrieve(orderId, {}, bearer(token)), orderSchema));
  } catch (error) {
    // Medusa answers 404 for unknown ids (400 for malformed ones, 401 for a stale token): no order to show.
    if (isStatus(error, 400, 401, 404)) return null;
    throw error;
  }
  return toOrderSummary(order);
}

const orderListSchema = z.object({
  orders: z.array(orderSchema.shape.order.extend({ created_at: z.string() })),
});

/** The signed-in customer's orders, newest first ("我的订单"), or null when the token is no longer valid. */
export async function listOrders(token: string): Promise<(OrderSummary & { createdAt: string })[] | null> {
  try {
    const { orders } = await read(
      'order.list',
      () =>
        sdk.store.order.list(
          { limit: 50, order: '-created_at', fields: 'id,display_id,email,currency_code,total,created_at,*items' },
          bearer(token),
        ),
      orderListSchema,
    );
    return orders.map((order) => ({ ...toOrderSummary(order), createdAt: order.created_at }));
  } catch (error) {
    if (isStatus(error, 401)) return null;
    throw error;
  }
}

/** What "complete the course" costs the signed-in customer now, before ordering. */
export interface UpgradeQuote {
  listPriceFen: number;
  /** The course at the customer's own price (the member price for an active member). */
  coursePriceFen: number;
  creditFen: number;
  priceFen: number;
}

const upgradeQuoteSchema = z.object({
  upgrade: z.object({
    list_price_fen: z.number().int(),
    course_price_fen: z.number().int(),
    credit_fen: z.number().int(),
    price_fen: z.number().int(),
  }),
});

/** The upgrade quote, or null when the customer cannot complete this course (owns it, or no lessons of it). */
export async function getUpgradeQuote(token: string, courseDocumentId: string): Promise<UpgradeQuote | null> {
  try {
    const { upgrade } = await read(
      'course-upgrade-quote',
      () =>
        sdk.client.fetch('/store/customers/me/course-upgrade-quote', {
          headers: bearer(token),
          query: { course_document_id: courseDocumentId },
        }),
      upgradeQuoteSchema,
    );
    return {
      listPriceFen: upgrade.list_price_fen,
      coursePriceFen: upgrade.course_price_fen,
      creditFen: upgrade.credit_fen,
      priceFen: upgrade.price_fen,
    };
  } catch (error) {
    if (isStatus(error, 400, 401, 403, 404)) return null;
    throw error;
  }
}

function toOrderSummary(order: z.infer<typeof orderSchema>['order']): OrderSummary {
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
      unitPriceFen: item.unit_price == null ? null : amountToFen(item.unit_price),
      upgradeCreditFen: fenField(item.metadata?.upgrade_credit_fen),
      listPriceFen: fenField(item.metadata?.list_price_fen),
    })),
  };
}

/** A fen amount from line-item metadata (a non-negative integer), else null. */
function fenField(value: unknown): number | null {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : null;
}
