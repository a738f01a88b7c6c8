import type { PluginConfig } from '../config';

/** What commerce needs to offer (or withdraw) one sellable document. Mirrors commerce's validator. */
export type CatalogDocumentPayload = {
  document_id: string;
  kind: 'course';
  state: 'published' | 'archived';
  slug?: string;
  title?: string;
  summary?: string | null;
  price_fen: number | null;
  cms_updated_at: string;
};

export type CatalogDocumentResult = { product_id: string | null; handle: string; status: string };

/** Sends one document to commerce's admin API with the secret API key (Medusa's Basic auth). */
export async function postCatalogDocument(
  config: Pick<PluginConfig, 'commerceUrl' | 'commerceApiKey'>,
  payload: CatalogDocumentPayload
): Promise<CatalogDocumentResult> {
  if (!config.commerceApiKey) {
    throw new Error('COMMERCE_API_KEY is not set, so the CMS cannot deliver to commerce yet');
  }
  const url = new URL('/admin/catalog/documents', config.commerceUrl);
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Basic ${Buffer.from(`${config.commerceApiKey}:`).toString('base64')}`,
    },
    body: JSON.stringify(payload),
    signal: AbortSignal.timeout(15_000),
  });
  if (!response.ok) {
    const body = await response.text().catch(() => '');
    throw new Error(`commerce answered ${response.status}: ${body.slice(0, 300)}`);
  }
  return (await response.json()) as CatalogDocumentResult;
}
