/**
 * The only place that reads the environment. Parsed once at start-up, with safe defaults; a bad value stops the
 * app with a message that names the variable.
 */
import { resolve } from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Requests per minute per client address before 429. */
  rateLimitMax: number;
  /** Trust X-Forwarded-For from a proxy in front (only when there is one). */
  trustProxy: boolean;
  /** Adds the prepared twin routes that `npm run bench` compares against. Never in production. */
  benchRoutes: boolean;
  /** The address people reach the service at: used in calendar files. */
  publicUrl: string;
}

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}; it is "${raw}"`);
  }
  return value;
}

function flag(env: Env, name: string): boolean {
  const raw = (env[name] ?? '').toLowerCase();
  if (raw === '' || raw === '0' || raw === 'false' || raw === 'no') return false;
  if (raw === '1' || raw === 'true' || raw === 'yes') return true;
  throw new ConfigError(`${name} must be true or false; it is "${env[name]}"`);
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export function loadConfig(env: Env = process.env): Config {
  const logLevel = env.LOG_LEVEL ?? 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}; it is "${logLevel}"`);
  }
  const port = integer(env, 'PORT', 3000, 0, 65535);
  const host = env.HOST || 'localhost';
  const publicUrl = env.PUBLIC_URL || `http://localhost:${port}`;
  if (!/^https?:\/\/[^\s]+$/.test(publicUrl)) throw new ConfigError(`PUBLIC_URL must start with http:// or https://; it is "${publicUrl}"`);
  return {
    port,
    host,
    dataDir: resolve(env.DATA_DIR || './data'),
    logLevel: logLevel as Config['logLevel'],
    rateLimitMax: integer(env, 'RATE_LIMIT_MAX', 300, 1, 10_000_000),
    trustProxy: flag(env, 'TRUST_PROXY'),
    benchRoutes: flag(env, 'BENCH_ROUTES'),
    publicUrl: publicUrl.replace(/\/$/, ''),
  };
}
