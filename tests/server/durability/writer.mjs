// A writer for the durability tests: commits organisations with an assessment each, in one
// transaction per pair, on its own connection with the app's SQLite settings, and prints
// `ack <id>` only after the commit returned. Plain Node (not tsx) so that a restart takes
// milliseconds: the crash test restarts it a hundred times.
//
//   DB_FILE           the SQLite file (migrated)
//   SQLITE_PRAGMAS    JSON of the app's connection settings (lib/server/db.ts SQLITE_PRAGMAS)
//   WRITER_PREFIX     id prefix, unique per writer run
//   CHECKPOINT_EVERY  force a WAL checkpoint every N commits (so that kills also land in one)
//   WRITE_LIMIT       stop after N commits (0: until killed)
//   WRITE_PAUSE_MS    wait between commits (0: none)
import { writeSync } from "node:fs";
import Database from "better-sqlite3";

const pragmas = JSON.parse(process.env.SQLITE_PRAGMAS ?? "{}");
const db = new Database(process.env.DB_FILE, { fileMustExist: true, timeout: Number(pragmas.busy_timeout ?? 5000) });
for (const [key, value] of Object.entries(pragmas)) db.pragma(`${key} = ${value}`);

const prefix = process.env.WRITER_PREFIX ?? "w";
const checkpointEvery = Number(process.env.CHECKPOINT_EVERY ?? 0);
const limit = Number(process.env.WRITE_LIMIT ?? 0);
const pauseMs = Number(process.env.WRITE_PAUSE_MS ?? 0);
// A few kilobytes per row, so the file grows by pages and checkpoints have work to do.
const filler = JSON.stringify({ notes: "x".repeat(3000) });

const insertOrganization = db.prepare(
  'INSERT INTO "Organization" ("id", "name", "createdAt", "updatedAt") VALUES (?, ?, ?, ?)',
);
const insertAssessment = db.prepare(
  'INSERT INTO "Assessment" ("id", "organizationId", "name", "inventoryJson", "questionnaireJson", "version", "createdAt", "updatedAt") VALUES (?, ?, ?, ?, ?, 1, ?, ?)',
);
const commitPair = db.transaction((id) => {
  const now = new Date().toISOString();
  insertOrganization.run(id, `Crash test ${id}`, now, now);
  insertAssessment.run(`${id}-a`, id, "Durability", filler, "{}", now, now);
});

const sleeper = new Int32Array(new SharedArrayBuffer(4));
writeSync(1, "ready\n");
for (let n = 1; limit === 0 || n <= limit; n++) {
  const id = `${prefix}-${n}`;
  commitPair(id);
  // Synchronous write to the pipe: once the parent can read this line, the commit has returned.
  writeSync(1, `ack ${id}\n`);
  if (checkpointEvery > 0 && n % checkpointEvery === 0) db.pragma("wal_checkpoint(TRUNCATE)");
  if (pauseMs > 0) Atomics.wait(sleeper, 0, 0, pauseMs);
}
db.close();
writeSync(1, "done\n");
