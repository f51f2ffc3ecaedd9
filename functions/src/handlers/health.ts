import { ok } from '@cic/shared';
import { route } from '../composition/auth';

export const handler = route('health', async () =>
  ok({ ok: true as const, service: 'innovation-challenge-api', time: new Date().toISOString() }),
);
