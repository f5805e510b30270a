import { handleFirmLogo } from "@/lib/server/consultant-http";

export const dynamic = "force-dynamic";

/** The firm's logo for its members, with its checked type (authorised inside the handler). */
export async function GET(request: Request, { params }: { params: Promise<{ firmId: string }> }): Promise<Response> {
  return handleFirmLogo(request, await params);
}
