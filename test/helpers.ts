import type { FastifyInstance } from 'fastify';
import { fixedClock } from '../src/adapters/clock/system-clock.js';
import { loadConfig } from '../src/config.js';
import type { LocalDate } from '../src/domain/dates/local-date.js';
import { buildApp } from '../src/web/app.js';
import type { AppDeps } from '../src/web/deps.js';
import { loadDeps } from '../src/web/server.js';

/** The day the tests stand on: the rules' sources were checked on this day. */
export const TEST_TODAY = '2026-11-25' as LocalDate;
export const TEST_NOW = '2026-11-25T10:00:00Z';

let cached: AppDeps | undefined;

export function testDeps(): AppDeps {
  cached ??= loadDeps(loadConfig({ RATE_LIMIT_MAX: '100000', LOG_LEVEL: 'silent' }), fixedClock(TEST_NOW));
  return cached;
}

export async function testApp(overrides: Partial<AppDeps['config']> = {}): Promise<FastifyInstance> {
  const deps = testDeps();
  return buildApp({ ...deps, config: { ...deps.config, ...overrides } });
}
