// The payload and the handle rule are the contract with commerce: they live in @community/contracts.
import type { CatalogDocumentPayload, CatalogDocumentResult } from '@community/contracts';
import type { PluginConfig } from '../config';

function authorization(apiKey: string): string {
  return `Basic ${Buffer.from(`${apiKey}:`).toString('base64')}`;
}

function assertKey(config: Pick<PluginConfig, 'commerceApiKey'>): void {
  if (!config.commerceApiKey) {
    throw new Error('COMMERCE_API_KEY is not set, so the CMS cannot talk to commerce yet');
  }
}

/** Sends one document to commerce's admin API with the secret API key (Medusa's Basic auth). */
export async function postCatalogDocument(
  config: Pick<PluginConfig, 'commerceUrl' | 'commerceApiKey'>,
  payload: CatalogDocumentPayload
): Promise<CatalogDocumentResult> {
  assertKey(config);
  const url = new URL('/admin/catalog/documents', config.commerceUrl);
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: authorization(config.commerceApiKey) },
    body: JSON.stringify(payload),
    signal: AbortSignal.timeout(15_000),
  });
  if (!response.ok) {
    const body = await response.text().catch(() => '');
    throw new Error(`commerce answered ${response.status}: ${body.slice(0, 300)}`);
  }
  return (await response.json()) as CatalogDocumentResult;
}

/** A product as commerce's admin API lists it (only the fields reconcile looks at). */
export type CommerceProduct = {
  id: string;
  status: string;
  metadata: Record<string, unknown> | null;
  variants?: { id: string; prices?: { currency_code: string; amount: number }[] | null }[] | null;
};

/** Thrown when commerce cannot be asked at all (no API key, or unreachable), as opposed to answering with an error. */
export class CommerceUnavailableError extends Error {}

/** The product commerce holds for a handle, or null when it has none. */
export async function fetchCommerceProduct(
  config: Pick<PluginConfig, 'commerceUrl' | 'commerceApiKey'>,
  handle: string
): Promise<CommerceProduct | null> {
  if (!config.commerceApiKey) throw new CommerceUnavailableError('COMMERCE_API_KEY is not set, so the CMS cannot ask commerce');
  const url = new URL('/admin/products', config.commerceUrl);
  url.searchParams.set('handle', handle);
  url.searchParams.set('fields', 'id,status,metadata,*variants.prices');
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { authorization: authorization(config.commerceApiKey) },
      signal: AbortSignal.timeout(15_000),
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const detail = cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
    throw new CommerceUnavailableError(`commerce at ${config.commerceUrl} is unreachable: ${detail}`);
  }
  if (!response.ok) {
    const body = await response.text().catch(() => '');
    throw new Error(`commerce answered ${response.status}: ${body.slice(0, 300)}`);
  }
  const { products } = (await response.json()) as { products?: CommerceProduct[] };
  return products?.[0] ?? null;
}
