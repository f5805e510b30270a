import Link from "next/link";
import { ROLE_LABELS } from "@/lib/roles";
import { previewInvitation, type InvitationPreview } from "@/lib/server/access";
import { isAppError } from "@/lib/server/errors";
import { currentSession } from "@/lib/server/next/session";
import { InvitationAccept } from "./invitation-accept";

export async function InvitationPage({ token }: { token: string }) {
  let preview: InvitationPreview | null = null;
  let problem: string | null = null;
  try {
    preview = await previewInvitation(token);
  } catch (e) {
    if (!isAppError(e)) throw e;
    problem = e.code === "NOT_FOUND" ? "This invitation link is not valid. Check that you copied all of it, or ask for a new one." : e.message;
  }
  const session = await currentSession();
  return (
    <div className="mx-auto max-w-xl px-4 py-10">
      <Link href="/" className="text-lg font-bold text-slate-900">
        Bulwark
      </Link>
      <main id="main" className="mt-8 space-y-4">
        {preview ? (
          <InvitationAccept
            token={token}
            organizationName={preview.organizationName}
            roleLabel={ROLE_LABELS[preview.role]}
            signedInAs={session ? session.email : null}
          />
        ) : (
          <>
            <h1 className="text-2xl font-bold text-slate-900">Invitation</h1>
            <p role="alert" className="rounded-md border border-red-700 bg-red-50 px-3 py-2 text-red-900">
              {problem}
            </p>
          </>
        )}
      </main>
    </div>
  );
}
