/** The server's pino logger, and the one place that makes URLs safe to log (tokens travel in query strings). */
import { type Logger, pino } from 'pino';
import type { LogLevel } from './config';

export type { Logger };

export function createLogger(level: LogLevel): Logger {
  return pino({ level, base: { service: 'dampingi' } });
}

/** Path of a request URL without its query string or fragment, so `?token=…` never reaches a log. */
export function loggablePath(url: string | undefined): string {
  if (!url) return '';
  const end = url.search(/[?#]/);
  return end === -1 ? url : url.slice(0, end);
}
