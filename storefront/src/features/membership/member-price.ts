/** What a price element shows. */
export interface PriceDisplay {
  /** The price to pay (the member price for an active member). Null: not for sale. */
  priceFen: number | null;
  /** The list price, struck through, when a member pays less. */
  strikeFen: number | null;
  /** "会员价 ¥x" beside the regular price, for visitors and non-members. */
  memberPriceFen: number | null;
}

/**
 * Member prices are shown only when they are lower than the regular price. A member pays the
 * member price (the list price struck through); everyone else sees it as an offer beside
 * the regular price.
 */
export function priceDisplay(regularFen: number | null, memberFen: number | null | undefined, isMember: boolean): PriceDisplay {
  const member = regularFen !== null && memberFen != null && memberFen < regularFen ? memberFen : null;
  if (member === null) return { priceFen: regularFen, strikeFen: null, memberPriceFen: null };
  if (isMember) return { priceFen: member, strikeFen: regularFen, memberPriceFen: null };
  return { priceFen: regularFen, strikeFen: null, memberPriceFen: member };
}
