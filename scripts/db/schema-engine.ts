/**
 * Prisma's schema engine (migrations, diffs, drift checks) without its native binary.
 *
 * Prisma 7's CLI downloads a native schema engine from a host these machines cannot reach, and it
 * dropped the WebAssembly path of 6.x. The same engine ships on npm as @prisma/schema-engine-wasm;
 * this module loads it and hands it a database through the driver adapters the app already uses.
 * It is Prisma's internal API: the wasm package is pinned to the engine hash matching `prisma`
 * (docs/decisions/002-migrations-through-wasm-engine.md).
 */
import { randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import pg from "pg";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import * as wasmBindings from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { MigrationList, SchemaEngine, SchemaFilter } from "@prisma/schema-engine-wasm";
import { providerOf, sqliteFilePath, type DatabaseProvider } from "../../lib/server/database-url.js";
import { MIGRATIONS_DIRS, SCHEMA_PATHS } from "./paths.js";

const NO_FILTER: SchemaFilter = { externalTables: [], externalEnums: [] };
const LOCKFILE = "migration_lock.toml";

let wasmReady = false;

/** Instantiate the wasm module by hand: its own entry point relies on ESM wasm imports, which Node 20 lacks. */
function loadWasm(): void {
  if (wasmReady) return;
  const require = createRequire(import.meta.url);
  const entry = require.resolve("@prisma/schema-engine-wasm");
  const bytes = readFileSync(path.join(path.dirname(entry), "schema_engine_bg.wasm"));
  const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), {
    "./schema_engine_bg.js": wasmBindings as unknown as WebAssembly.ModuleImports,
  });
  const bindings = wasmBindings as unknown as { __wbg_set_wasm(exports: WebAssembly.Exports): void };
  bindings.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start?: () => void }).__wbindgen_start?.();
  wasmReady = true;
}

/** The wasm engine's own version (the prisma-engines commit it was built from). */
export function engineVersion(): string {
  loadWasm();
  return wasmBindings.version();
}

// ---- PostgreSQL adapter for the engine ----

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

type QueryCallback = (err: Error | null, res: pg.QueryResult | undefined) => void;

function charAsText<T>(result: T): T {
  for (const r of Array.isArray(result) ? result : [result]) {
    for (const field of (r as pg.QueryResult | undefined)?.fields ?? []) {
      if (field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_TEXT_OID;
    }
  }
  return result;
}

/**
 * The engine's introspection reads catalog columns of PostgreSQL's internal `"char"` type (OID 18),
 * which @prisma/adapter-pg refuses as an unsupported column type. Its values arrive as one-letter
 * strings anyway, so relabelling the column as text is enough.
 */
class CharAsTextClient extends pg.Client {
  // pg's query() has many overloads (callback, promise, config object); this forwards them all.
  override query(...args: unknown[]): never {
    const cbIndex = args.findIndex((a) => typeof a === "function");
    if (cbIndex >= 0) {
      const cb = args[cbIndex] as QueryCallback;
      args[cbIndex] = (err: Error | null, res: pg.QueryResult | undefined) => cb(err, err ? res : charAsText(res));
    }
    const config = args[0] as { callback?: QueryCallback } | undefined;
    if (config && typeof config === "object" && typeof config.callback === "function") {
      const cb = config.callback;
      config.callback = (err, res) => cb(err, err ? res : charAsText(res));
    }
    const out = (super.query as (...a: unknown[]) => unknown)(...args);
    if (out && typeof (out as Promise<unknown>).then === "function") {
      return (out as Promise<unknown>).then(charAsText) as never;
    }
    return out as never;
  }
}

function pgConfigFrom(url: string): pg.PoolConfig {
  // Discrete fields, not a connection string: the shadow database is the same server with another
  // database name, and a connection string would override the `database` field.
  const u = new URL(url);
  return {
    host: decodeURIComponent(u.hostname),
    port: u.port ? Number(u.port) : 5432,
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: decodeURIComponent(u.pathname.replace(/^\//, "")),
    max: 2,
    Client: CharAsTextClient as unknown as typeof pg.Client,
  };
}

class MigrationPgFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "postgres";
  readonly adapterName = "@prisma/adapter-pg";
  constructor(private readonly config: pg.PoolConfig) {}

  connect(): Promise<SqlDriverAdapter> {
    return new PrismaPg(new pg.Pool(this.config), { disposeExternalPool: true }).connect();
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    const main = await this.connect();
    const name = `bulwark_shadow_${randomUUID().replaceAll("-", "")}`;
    await main.executeScript(`CREATE DATABASE "${name}"`);
    const shadow = await new PrismaPg(new pg.Pool({ ...this.config, database: name }), {
      disposeExternalPool: true,
    }).connect();
    const closeShadow = shadow.dispose.bind(shadow);
    // The shadow pool must be closed before the drop, or PostgreSQL refuses to drop a database in use.
    shadow.dispose = async () => {
      await closeShadow();
      try {
        await main.executeScript(`DROP DATABASE IF EXISTS "${name}"`);
      } finally {
        await main.dispose();
      }
    };
    return shadow;
  }
}

// ---- SQLite adapter for the engine ----

/**
 * When the engine replays migrations on a SQLite shadow database it sends each migration file as
 * one raw statement, which better-sqlite3 refuses ("contains more than one statement"). A
 * parameterless multi-statement script is what `executeScript` is for, so fall back to it.
 */
function acceptScripts(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const executeRaw = adapter.executeRaw.bind(adapter);
  adapter.executeRaw = async (query) => {
    try {
      return await executeRaw(query);
    } catch (e) {
      if (query.args.length === 0 && /more than one statement/.test(String((e as Error).message ?? e))) {
        await adapter.executeScript(query.sql);
        return 0;
      }
      throw e;
    }
  };
  return adapter;
}

class MigrationSqliteFactory implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "sqlite";
  readonly adapterName = "@prisma/adapter-better-sqlite3";
  private readonly inner: PrismaBetterSqlite3;
  constructor(url: string) {
    this.inner = new PrismaBetterSqlite3({ url });
  }
  connect(): Promise<SqlDriverAdapter> {
    return this.inner.connect();
  }
  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    return acceptScripts(await this.inner.connectToShadowDb());
  }
}

function adapterFactoryFor(url: string): SqlMigrationAwareDriverAdapterFactory {
  if (providerOf(url) === "postgresql") return new MigrationPgFactory(pgConfigFrom(url));
  const file = sqliteFilePath(url);
  if (file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  return new MigrationSqliteFactory(url);
}

// ---- Migrations on disk ----

function lockfileContent(provider: DatabaseProvider): string {
  return `# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "${provider}"\n`;
}

export function readMigrationsList(provider: DatabaseProvider, baseDir = MIGRATIONS_DIRS[provider]): MigrationList {
  const lockPath = path.join(baseDir, LOCKFILE);
  const directories = existsSync(baseDir)
    ? readdirSync(baseDir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
  return {
    baseDir,
    // An absent lockfile on a fresh folder is fine: the engine only needs the provider.
    lockfile: { path: LOCKFILE, content: existsSync(lockPath) ? readFileSync(lockPath, "utf8") : lockfileContent(provider) },
    shadowDbInitScript: "",
    migrationDirectories: directories.map((name) => {
      const file = path.join(baseDir, name, "migration.sql");
      return {
        path: name,
        migrationFile: {
          path: "migration.sql",
          content: existsSync(file)
            ? { tag: "ok" as const, value: readFileSync(file, "utf8") }
            : { tag: "error" as const, value: `${file} is missing` },
        },
      };
    }),
  };
}

export interface SchemaFile {
  readonly path: string;
  readonly content: string;
}

export function readSchema(provider: DatabaseProvider): SchemaFile[] {
  const file = SCHEMA_PATHS[provider];
  return [{ path: file, content: readFileSync(file, "utf8") }];
}

// ---- Engine sessions ----

export interface EngineSession {
  readonly engine: SchemaEngine;
  readonly provider: DatabaseProvider;
  /** Turn the engine's "External error id#N" into the driver's own error. */
  explain(e: unknown): Error;
  close(): Promise<void>;
}

export async function openSchemaEngine(url: string): Promise<EngineSession> {
  loadWasm();
  const provider = providerOf(url);
  const inner = adapterFactoryFor(url);
  // The engine never disposes the connections it asks for; keep them to close them ourselves
  // (an open pool would, for one, keep PostgreSQL from cloning or dropping the database).
  const opened: SqlDriverAdapter[] = [];
  const tracked: SqlMigrationAwareDriverAdapterFactory = {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async () => {
      const a = await inner.connect();
      opened.push(a);
      return a;
    },
    connectToShadowDb: () => inner.connectToShadowDb(),
  };
  const factory = bindMigrationAwareSqlAdapterFactory(tracked);
  const logs: string[] = [];
  const engine = await wasmBindings.SchemaEngine.new(
    { datamodels: readSchema(provider).map((f) => [f.path, f.content] as [string, string]) },
    (line: string) => {
      // The engine logs JSON lines; keep the last few for error messages, print them when asked.
      logs.push(line);
      if (logs.length > 50) logs.shift();
      if (process.env.BULWARK_ENGINE_DEBUG) console.error(line);
    },
    factory,
  );
  return {
    engine,
    provider,
    explain: (e) => {
      const err = explainEngineError(e);
      const id = /External error id#(\d+)/.exec(err.message)?.[1];
      const record = id === undefined ? undefined : factory.errorRegistry.consumeError(Number(id));
      if (record) {
        const cause = record.error as { message?: string; originalMessage?: string; kind?: string };
        err.message += `\nCaused by: ${cause.originalMessage ?? cause.message ?? JSON.stringify(cause)}`;
      }
      return err;
    },
    close: async () => {
      engine.free();
      await Promise.allSettled(opened.map((a) => a.dispose()));
    },
  };
}

async function withEngine<T>(url: string, fn: (s: EngineSession) => Promise<T>): Promise<T> {
  const session = await openSchemaEngine(url);
  try {
    return await fn(session);
  } catch (e) {
    throw session.explain(e);
  } finally {
    await session.close();
  }
}

function explainEngineError(e: unknown): Error {
  if (e instanceof Error) return e;
  if (e && typeof e === "object" && "message" in e) {
    const err = new Error(String((e as { message: unknown }).message));
    if ("code" in e) Object.assign(err, { code: (e as { code: unknown }).code });
    return err;
  }
  return new Error(String(e));
}

/** Apply every migration not yet recorded in `_prisma_migrations`. Returns the names applied. */
export function applyMigrations(url: string): Promise<string[]> {
  return withEngine(url, async ({ engine, provider }) => {
    const out = await engine.applyMigrations({ migrationsList: readMigrationsList(provider), filters: NO_FILTER });
    return out.appliedMigrationNames;
  });
}

/**
 * The SQL that would take a database built from the committed migrations to the Prisma schema.
 * Empty when the migrations are up to date. Replays the migrations on a shadow database
 * (in memory for SQLite, a temporary database for PostgreSQL), so it never touches `url`'s data.
 */
export function diffMigrationsToSchema(url: string, schema?: SchemaFile[]): Promise<string> {
  return withEngine(url, async ({ engine, provider }) => {
    const out = await engine.diff({
      from: { tag: "migrations", ...readMigrationsList(provider) },
      to: { tag: "schemaDatamodel", files: schema ?? readSchema(provider) },
      script: true,
      exitCode: true,
      filters: NO_FILTER,
    });
    return out.exitCode === 2 ? (out.stdout ?? "") : "";
  });
}

/** The SQL that would take the live database at `url` to the Prisma schema (empty: no drift). */
export function diffDatabaseToSchema(url: string): Promise<string> {
  return withEngine(url, async ({ engine, provider }) => {
    const files = readSchema(provider);
    const out = await engine.diff({
      from: { tag: "schemaDatasource", files, configDir: path.dirname(files[0]!.path) },
      to: { tag: "schemaDatamodel", files },
      script: true,
      exitCode: true,
      filters: NO_FILTER,
    });
    return out.exitCode === 2 ? (out.stdout ?? "") : "";
  });
}

export interface MigrationStatus {
  readonly unapplied: string[];
  readonly failed: string[];
  readonly edited: string[];
}

export function migrationStatus(url: string): Promise<MigrationStatus> {
  return withEngine(url, async ({ engine, provider }) => {
    const out = await engine.diagnoseMigrationHistory({
      migrationsList: readMigrationsList(provider),
      optInToShadowDatabase: false,
      filters: NO_FILTER,
    });
    const h = out.history;
    const unapplied = h && "unappliedMigrationNames" in h ? h.unappliedMigrationNames : [];
    return { unapplied, failed: out.failedMigrationNames, edited: out.editedMigrationNames };
  });
}

function timestamp(now: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${now.getUTCFullYear()}${p(now.getUTCMonth() + 1)}${p(now.getUTCDate())}${p(now.getUTCHours())}${p(now.getUTCMinutes())}${p(now.getUTCSeconds())}`;
}

/**
 * Write a new migration from the difference between the committed migrations and the schema, then
 * apply it to `url`. Diff-then-write-then-apply rather than the engine's createMigration, which on
 * SQLite wants a shadow database from an external factory. Returns the folder name, or null when
 * there was nothing to migrate.
 */
export async function createMigration(url: string, name: string, now = new Date()): Promise<string | null> {
  if (!/^[a-z0-9_]{1,60}$/.test(name)) throw new Error("migration name: use lower-case letters, digits and _");
  const provider = providerOf(url);
  const sql = await diffMigrationsToSchema(url);
  if (sql.trim() === "") return null;
  const baseDir = MIGRATIONS_DIRS[provider];
  const folder = `${timestamp(now)}_${name}`;
  mkdirSync(path.join(baseDir, folder), { recursive: true });
  writeFileSync(path.join(baseDir, folder, "migration.sql"), sql);
  const lockPath = path.join(baseDir, LOCKFILE);
  if (!existsSync(lockPath)) writeFileSync(lockPath, lockfileContent(provider));
  await applyMigrations(url);
  return folder;
}
