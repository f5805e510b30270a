/**
 * At most `limit` requests rendered at once by one server process; the others wait their turn in
 * arrival order (scripts/serve.ts puts it in front of Next.js's request handler).
 *
 * Why: Node.js interleaves every request in progress. With 25 connections on one process, each
 * page was rendered a slice at a time between all the others, so every page took as long as all
 * 25, and each turn of the event loop was long; a new connection is taken once per turn
 * (libuv/libuv#3696, and Node.js's cluster hands a worker one connection per acknowledgement), so
 * a burst of new visitors waited seconds for their first answer. Rendering a few at a time gives the
 * same throughput, keeps the loop's turns short and serves each request in about its own time
 * plus its place in the queue. bench:web measured it (docs/decisions/007).
 *
 * A request whose client has gone while it waited is skipped. Past `maxWaiting` waiting requests
 * the answer is 503 with Retry-After, at once, rather than a queue that only grows.
 *
 * A request holds its turn for at most `maxHoldMs` (1 s by default), then goes on outside the
 * count: rendering a page takes milliseconds, so a request still going after a second is waiting
 * for something else (a client sending its body slowly or reading slowly, a PDF being drawn) and
 * must not keep others waiting. Without this, four slow clients stopped a process.
 *
 * Only the requests `queued(req)` accepts wait (serve.ts: GET and HEAD, the pages). Writes and
 * sign-ins go straight through: they are fewer, and much of their time is spent off the main
 * thread (password hashing, the database), where holding a turn would only slow them (the HTTP
 * fuzz test's server actions took twice as long queued).
 */
import type { IncomingMessage, ServerResponse } from "node:http";

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => unknown;

export class RequestQueue {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    readonly limit: number,
    readonly maxWaiting: number,
    readonly maxHoldMs = 1000,
    private readonly waitsForTurn: (req: IncomingMessage) => boolean = () => true,
  ) {
    if (!(Number.isInteger(limit) && limit >= 1)) throw new Error(`RequestQueue: limit must be a whole number of at least 1 (got ${limit})`);
    if (!(Number.isInteger(maxWaiting) && maxWaiting >= 0)) throw new Error(`RequestQueue: maxWaiting must be a whole number (got ${maxWaiting})`);
  }

  /** Requests being handled now. */
  get running(): number {
    return this.active;
  }

  /** Requests waiting for a turn. */
  get queued(): number {
    return this.waiting.length;
  }

  /** An http.Server request listener that passes requests to `handle` in turn. */
  listener(handle: RequestHandler): (req: IncomingMessage, res: ServerResponse) => void {
    return (req, res) => {
      if (!this.waitsForTurn(req)) {
        this.pass(req, res, handle);
        return;
      }
      if (this.active < this.limit) {
        this.start(req, res, handle);
        return;
      }
      if (this.waiting.length >= this.maxWaiting) {
        res.writeHead(503, { "content-type": "text/plain; charset=utf-8", "retry-after": "5" });
        res.end("The server is busy. Try again in a few seconds.\n");
        return;
      }
      this.waiting.push(() => this.start(req, res, handle));
    };
  }

  private start(req: IncomingMessage, res: ServerResponse, handle: RequestHandler): void {
    // The client left while the request waited: nothing to answer.
    if (req.destroyed || res.destroyed || res.writableEnded) return;
    this.active++;
    let finished = false;
    const done = () => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      this.active--;
      this.next();
    };
    // A page streams after the handler's promise settles: the turn ends with the response, or
    // after maxHoldMs, whichever comes first.
    const timer = setTimeout(done, this.maxHoldMs);
    res.once("finish", done);
    res.once("close", done);
    // An error answer ends the response too, which ends the turn.
    this.pass(req, res, handle);
  }

  /** Run the handler; if it throws, log it and answer 500 (or cut the connection once headers went out). */
  private pass(req: IncomingMessage, res: ServerResponse, handle: RequestHandler): void {
    Promise.resolve()
      .then(() => handle(req, res))
      .catch((error: unknown) => {
        console.error(error);
        if (!res.headersSent) {
          res.statusCode = 500;
          res.end("Internal Server Error");
        } else res.destroy();
      });
  }

  private next(): void {
    while (this.active < this.limit && this.waiting.length > 0) this.waiting.shift()!();
  }
}
