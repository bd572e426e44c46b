/**
 * Serves Det Fælles Designsystem (CSS, JS, fonts, icons) from the npm package, and our own assets, from our own
 * origin: no CDN, nothing fetched from elsewhere.
 */
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { ROOT } from '../root.js';

const require = createRequire(import.meta.url);
/** dkfds exports only ".", which resolves to dist/js; its dist folder is one level up. */
export const DKFDS_DIST = resolve(dirname(require.resolve('dkfds')), '..');
/** Our assets stay in src/platform/assets (plain CSS and JS, not compiled), also when the app runs from dist/. */
export const ASSETS_DIR = join(ROOT, 'src', 'platform', 'assets');

export async function registerStaticAssets(app: FastifyInstance): Promise<void> {
  const common = { maxAge: '1d', index: false as const, list: false as const, schemaHide: true };
  await app.register(fastifyStatic, { ...common, root: DKFDS_DIST, prefix: '/dkfds/', allowedPath: (path) => !path.includes('scss') && !path.endsWith('.map') });
  await app.register(fastifyStatic, { ...common, root: ASSETS_DIR, prefix: '/assets/', decorateReply: false });
}
