import { getDb } from "@/lib/server/db";

export const dynamic = "force-dynamic";

/** Liveness and database reachability, for process managers and load balancers. */
export async function GET(): Promise<Response> {
  try {
    await getDb().$queryRawUnsafe("SELECT 1");
    return Response.json({ ok: true });
  } catch {
    return Response.json({ ok: false, error: "database unreachable" }, { status: 503 });
  }
}
