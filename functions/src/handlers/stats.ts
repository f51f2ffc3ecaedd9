import { route } from '../composition/auth';
import { stats } from '../composition/stats';

/** GET /stats: public. A shared cache (CDN) may keep it a minute; a browser revalidates. */
export const read = route({ access: 'public', cacheControl: 'public, max-age=0, s-maxage=60' }, () => stats().read());
