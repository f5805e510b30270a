/**
 * The p99 of the requests sent once every connection has had its first answer.
 *
 * libuv (Node.js 20 and later) accepts one new connection per turn of the event loop
 * (libuv/libuv#3696). When autocannon opens its 50 connections at once against a busy server, the
 * last ones wait for dozens of turns before their first request is even read: a burst of new
 * connections, not the steady load, sets the overall p99. `npm start`'s cluster does not escape it:
 * the primary accepts at once, but hands each worker its next connection only after the worker has
 * acknowledged the last one (Node.js's round-robin handle), which a busy worker does once per turn
 * of its loop. This figure separates the two; the target row still uses the overall p99.
 */
export interface OpenConnectionsFigure {
  /** When the last connection had its first answer, from the start of the run. */
  readonly allOpenAfterMs: number;
  readonly requests: number;
  readonly p99Ms: number | null;
}

/** One answer during a run: which connection, when it came (from the start of the run), how long it took. */
export interface Answer {
  readonly client: object;
  readonly atMs: number;
  readonly responseTimeMs: number;
}

/** Answers in the order they came. */
export function openConnectionsFigure(answers: readonly Answer[], connections: number): OpenConnectionsFigure {
  const seen = new Set<object>();
  let allOpenAt = Number.POSITIVE_INFINITY;
  const after: number[] = [];
  for (const a of answers) {
    if (a.atMs - a.responseTimeMs >= allOpenAt) after.push(a.responseTimeMs);
    if (!seen.has(a.client)) {
      seen.add(a.client);
      if (seen.size === connections) allOpenAt = a.atMs;
    }
  }
  after.sort((x, y) => x - y);
  return {
    allOpenAfterMs: allOpenAt,
    requests: after.length,
    p99Ms: after.length === 0 ? null : after[Math.ceil(0.99 * after.length) - 1]!,
  };
}
