import type { HealthResponse } from '@cic/shared';
import { route } from '../composition/auth';

export const handler = route({ access: 'public' }, async () => {
  const body: HealthResponse = { ok: true, service: 'innovation-challenge-api', time: new Date().toISOString() };
  return { ok: true, value: body };
});
