import { handleInventoryExport } from "@/lib/server/consultant-http";

export const dynamic = "force-dynamic";

/** The assessment's draft inventory as interchange JSON (authorised inside the handler). */
export async function GET(request: Request, { params }: { params: Promise<{ orgId: string; assessmentId: string }> }): Promise<Response> {
  return handleInventoryExport(request, await params);
}
