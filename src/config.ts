import { limitsFromEnv, type SheddingLimits } from './http/load-shedding.ts';
import type { LinkSettings } from './services/notify/links.ts';
import { senderAddress, transportFromEnv, type Transport } from './services/notify/transports.ts';
import { storeConfigFromEnv, type StoreConfig } from './store/open.ts';

/**
 * The one module that reads the process environment. The CLI and the app read their settings here
 * and pass them in, so no route, use case or store module changes behaviour on a variable read deep
 * inside it. Each setting is read when asked for: a command that never serves never parses the
 * server's limits.
 */
const env = (): NodeJS.ProcessEnv => process.env;

export const storeConfig = (): StoreConfig => storeConfigFromEnv(env());
export const sheddingLimits = (): SheddingLimits => limitsFromEnv(env());
export const mailTransport = (): Transport => transportFromEnv(env());
export const mailSender = (): string => senderAddress(env());
/**
 * KNOTWORK_OUTBOX_WORKER=off: this server queues messages but does not send them; `knotwork
 * send-messages` (run by a scheduler, or on a machine of its own) does.
 */
export const outboxWorkerInServer = (): boolean => env().KNOTWORK_OUTBOX_WORKER !== 'off';

/** KNOTWORK_LINK_SECRET signs self-service links; KNOTWORK_PUBLIC_URL is the address patients reach. */
export function linkSettings(): LinkSettings {
  return {
    secret: env().KNOTWORK_LINK_SECRET || null,
    publicUrl: (env().KNOTWORK_PUBLIC_URL || 'http://localhost:3000').replace(/\/+$/, ''),
  };
}

export interface ServerSettings {
  host: string;
  /** As written; the CLI checks it is a port number. */
  port: string | undefined;
  trustProxy: string | undefined;
  requestLog: boolean;
}

export function serverSettings(): ServerSettings {
  const e = env();
  return {
    host: e.HOST ?? '127.0.0.1',
    port: e.PORT,
    trustProxy: e.KNOTWORK_TRUST_PROXY,
    requestLog: e.KNOTWORK_LOG === '1',
  };
}

/** A password for `knotwork admin`: from the environment, as an argument would end up in shell history. */
export const newPasswordFromEnvironment = (): string | undefined => env().KNOTWORK_NEW_PASSWORD || undefined;
