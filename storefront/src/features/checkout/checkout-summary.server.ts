import { courseProductHandle } from '@community/contracts';
import { findOffers, getUpgradeQuote } from '../../lib/commerce.server';
import type { CheckoutItem } from './checkout-item';

/** What the confirm step shows: every amount comes from commerce, in fen. */
export interface CheckoutSummary {
  item: CheckoutItem;
  title: string;
  /** The regular price. */
  listPriceFen: number;
  /** The member price, when it is what this customer pays (lower than the list price). */
  memberPriceFen: number | null;
  /** "Complete the course": the course at the customer's price minus what their lessons cost. */
  creditFen: number | null;
  /** What is charged. Null for a visitor asking to complete a course (known once signed in). */
  totalFen: number | null;
}

/**
 * The summary of one checkout item for this visitor or customer, or null when the shop does
 * not sell it (unknown handle, withdrawn, or nothing to complete). With a token, prices are
 * the customer's own (member prices for active members), exactly what the cart will charge.
 */
export async function loadCheckoutSummary(item: CheckoutItem, token: string | null): Promise<CheckoutSummary | null> {
  const handle = item.kind === 'product' ? item.handle : courseProductHandle(item.courseDocumentId);
  const [listed, own] = await Promise.all([
    findOffers([handle]),
    token && item.kind === 'product' ? findOffers([handle], { customerToken: token }) : Promise.resolve(null),
  ]);
  const offer = listed.get(handle);
  if (!offer) return null;
  if (item.kind === 'upgrade') {
    if (!token) return { item, title: offer.title, listPriceFen: offer.priceFen, memberPriceFen: null, creditFen: null, totalFen: null };
    const quote = await getUpgradeQuote(token, item.courseDocumentId);
    if (!quote) return null;
    return {
      item,
      title: offer.title,
      listPriceFen: quote.listPriceFen,
      memberPriceFen: quote.coursePriceFen < quote.listPriceFen ? quote.coursePriceFen : null,
      creditFen: quote.creditFen,
      totalFen: quote.priceFen,
    };
  }
  const ownFen = own?.get(handle)?.priceFen ?? offer.priceFen;
  return {
    item,
    title: offer.title,
    listPriceFen: offer.priceFen,
    memberPriceFen: ownFen < offer.priceFen ? ownFen : null,
    creditFen: null,
    totalFen: ownFen,
  };
}
