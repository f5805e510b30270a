/** Runs once when the server starts: refuse to start with a bad environment rather than fail later. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getEnv } = await import("./lib/server/env");
  try {
    getEnv();
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    // A server that answers every request with 500 is worse than one that does not start.
    process.exit(1);
  }
}
