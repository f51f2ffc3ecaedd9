import { route } from '../composition/auth';
import { stats } from '../composition/stats';

/** GET /stats: public. A shared cache (CDN) may keep it a minute; a browser revalidates. */
export const read = route('stats', () => stats().read());
