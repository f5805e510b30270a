/**
 * Runs tests/server/durability/writer.mjs as a child process and collects its acknowledgements.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { copyFileSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { inject } from "vitest";
import { SQLITE_PRAGMAS } from "../../../lib/server/db";

const WRITER = path.join(path.dirname(new URL(import.meta.url).pathname), "writer.mjs");

export interface WriterOptions {
  readonly file: string;
  readonly prefix: string;
  readonly checkpointEvery?: number;
  readonly limit?: number;
  readonly pauseMs?: number;
}

export interface RunningWriter {
  readonly child: ChildProcess;
  /** Ids whose commit the writer acknowledged, in order. */
  readonly acks: string[];
  /** Resolves once `count` acknowledgements arrived (rejects when the writer exits first). */
  waitForAcks(count: number): Promise<void>;
  /** Resolves when the process has exited and its output is fully read. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>;
}

export function startWriter(opts: WriterOptions): RunningWriter {
  const child = spawn(process.execPath, [WRITER], {
    env: {
      NODE_ENV: "test",
      PATH: process.env.PATH,
      DB_FILE: opts.file,
      SQLITE_PRAGMAS: JSON.stringify(SQLITE_PRAGMAS),
      WRITER_PREFIX: opts.prefix,
      CHECKPOINT_EVERY: String(opts.checkpointEvery ?? 0),
      WRITE_LIMIT: String(opts.limit ?? 0),
      WRITE_PAUSE_MS: String(opts.pauseMs ?? 0),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const acks: string[] = [];
  const waiters: Array<{ count: number; resolve: () => void; reject: (e: Error) => void }> = [];
  let buffered = "";
  let stderr = "";
  const settle = () => {
    for (let i = waiters.length - 1; i >= 0; i--) {
      if (acks.length >= waiters[i]!.count) waiters.splice(i, 1)[0]!.resolve();
    }
  };
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
    buffered += chunk;
    const lines = buffered.split("\n");
    buffered = lines.pop()!;
    for (const line of lines) if (line.startsWith("ack ")) acks.push(line.slice(4));
    settle();
  });
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) => {
    // "close" comes after the pipes are drained: every ack the writer printed has been read.
    child.on("close", (code, signal) => {
      for (const w of waiters.splice(0)) w.reject(new Error(`writer exited (${signal ?? code}) after ${acks.length} acks: ${stderr}`));
      resolve({ code, signal, stderr });
    });
  });
  return {
    child,
    acks,
    exited,
    waitForAcks: (count) =>
      new Promise<void>((resolve, reject) => {
        waiters.push({ count, resolve, reject });
        settle();
      }),
  };
}

/** A fresh copy of the migrated template database in a directory of its own. */
export function freshDatabaseFile(name = "app.db"): string {
  const testDb = inject("testDb");
  if (testDb.provider !== "sqlite") throw new Error("the durability tests run on SQLite");
  const dir = mkdtempSync(path.join(os.tmpdir(), "bulwark-durability-"));
  const file = path.join(dir, name);
  copyFileSync(testDb.templateFile, file);
  return file;
}

/** A small deterministic generator (mulberry32), so a failing run can be repeated from its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
