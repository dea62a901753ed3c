import type { IncomingMessage, ServerResponse } from 'node:http'

/**
 * One service of the local cloud (database, functions, storage, openapi, dev entry, inspector).
 * The hub (server.ts) owns the HTTP listener and routes to services; services never listen themselves.
 */
export interface Service {
  readonly name: ServiceName
  /** `/admin` wire actions this service answers, by prefix (e.g. `database.`). */
  readonly adminPrefixes?: readonly string[]
  /** Answer one `/admin` request; the returned value is merged into the SDK's response envelope. */
  handleAdmin?(action: string, body: AdminBody, req: IncomingMessage): Promise<unknown>
  /** Other HTTP routes. Return true when the request was handled. */
  handleHttp?(req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean>
  start?(): Promise<void>
  /** Stop timers, flush and close files. Called in reverse start order. */
  stop?(): Promise<void>
  /** Drop all state (tests). */
  reset?(): Promise<void>
}

export type ServiceName = 'database' | 'functions' | 'storage' | 'openapi' | 'dev' | 'inspector'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AdminBody = Record<string, any> & { action: string }

export interface LocalCloudOptions {
  /** 0 = any free port. */
  port?: number
  host?: string
  /** Folder for durable data (database journal, uploaded files). */
  dataDir: string
  /** Folder of built cloud functions (one folder per function with index.js). */
  functionsDir?: string
  /** Reject where() operations sent with a transaction id (default true). */
  strict?: boolean
  /** Enable the dev HTTP entry (call a function as a chosen user). Local development only. */
  devEntry?: boolean
  /** Reload a function when its build changes. */
  watchFunctions?: boolean
  /** Run timer triggers declared in each function's config.json. */
  timers?: boolean
  /** Index declarations file (JSON). */
  indexesFile?: string
  /** Cloud env id reported to the SDK. */
  envId?: string
  log?: (line: string) => void
}

/** A started local cloud. */
export interface LocalCloud {
  readonly url: string
  readonly port: number
  /** Environment variables that point an unmodified wx-server-sdk at this local cloud. */
  readonly sdkEnv: Record<string, string>
  service<T extends Service>(name: ServiceName): T
  reset(): Promise<void>
  stop(): Promise<void>
}
