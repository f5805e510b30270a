import { handleSnapshotPdf } from "@/lib/server/consultant-http";

export const dynamic = "force-dynamic";

/** The branded PDF action plan of one assessment snapshot (authorised inside the handler). */
export async function GET(request: Request, { params }: { params: Promise<{ orgId: string; snapshotId: string }> }): Promise<Response> {
  return handleSnapshotPdf(request, await params);
}
