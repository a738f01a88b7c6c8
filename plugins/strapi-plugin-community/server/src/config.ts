import { z } from 'zod';

export const pluginConfigSchema = z.object({
  /** Base URL of the Medusa server that receives the catalog. */
  commerceUrl: z.string().url(),
  /** Medusa secret API key (sk_…); without it changes queue up and are delivered once it is set. */
  commerceApiKey: z.string().default(''),
  /** How often the outbox looks for due deliveries. */
  syncIntervalMs: z.number().int().positive(),
  /** Upper bound of the retry back-off. */
  maxBackoffMs: z.number().int().positive(),
});

export type PluginConfig = z.infer<typeof pluginConfigSchema>;

export default {
  default: {
    commerceUrl: 'http://localhost:9000',
    commerceApiKey: '',
    syncIntervalMs: 5000,
    maxBackoffMs: 60000,
  } satisfies PluginConfig,
  validator(config: unknown) {
    pluginConfigSchema.parse(config);
  },
};
