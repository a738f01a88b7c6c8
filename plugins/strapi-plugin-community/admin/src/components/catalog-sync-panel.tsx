import * as React from 'react';
import { Badge, Box, Flex, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import type { PanelComponent } from '@strapi/content-manager/strapi-admin';

const SELLABLE = ['plugin::community.course', 'plugin::community.lesson-bundle'];

type SyncState = {
  state: 'pending' | 'synced' | 'failed' | 'not_for_sale';
  attempts: number;
  last_error: string | null;
  reason: string | null;
  commerce_product_id: string | null;
  synced_at: string | null;
  next_attempt_at: string | null;
};

const LABELS: Record<SyncState['state'], { text: string; color: string }> = {
  synced: { text: '已同步 Synced', color: 'success600' },
  pending: { text: '同步中 Pending', color: 'secondary600' },
  failed: { text: '同步失败 Failed', color: 'danger600' },
  not_for_sale: { text: '未开售 Not for sale', color: 'warning600' },
};

function SyncStateBody({ model, documentId }: { model: string; documentId: string }) {
  const { get } = useFetchClient();
  const [state, setState] = React.useState<SyncState | null | undefined>(undefined);

  React.useEffect(() => {
    let alive = true;
    const load = () =>
      get<{ data: SyncState | null }>(`/community/sync-states/${model}/${documentId}`)
        .then(({ data }) => alive && setState(data.data))
        .catch(() => alive && setState(null));
    load();
    // Deliveries happen in the background; refresh while the editor looks.
    const timer = setInterval(load, 5000);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, [get, model, documentId]);

  if (state === undefined) return <Typography variant="pi">…</Typography>;
  if (state === null) return <Typography variant="pi">尚未发布，未同步 (never published)</Typography>;
  const label = LABELS[state.state];
  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <Box>
        <Badge textColor={label.color}>{label.text}</Badge>
      </Box>
      {state.reason && <Typography variant="pi">{state.reason}</Typography>}
      {state.state === 'failed' && (
        <Typography variant="pi" textColor="danger600">
          {state.last_error} (attempt {state.attempts}; next {state.next_attempt_at})
        </Typography>
      )}
      {state.commerce_product_id && (
        <Typography variant="pi" textColor="neutral600" ellipsis title={state.commerce_product_id}>
          Medusa {state.commerce_product_id}
        </Typography>
      )}
    </Flex>
  );
}

export const CatalogSyncPanel: PanelComponent = ({ model, documentId }) => {
  if (!SELLABLE.includes(model) || !documentId) return null;
  return {
    title: '商城同步 Commerce',
    content: <SyncStateBody model={model} documentId={documentId} />,
  };
};
