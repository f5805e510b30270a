import type { InvitationSummary, MemberSummary } from "@/lib/server/access";
import { ROLE_LABELS } from "@/lib/roles";
import { formatDate } from "./format";
import { InviteForm } from "./invite-form";
import { RemoveMemberButton, RevokeInvitationButton } from "./member-actions";

export function MembersPage({
  organizationId,
  members,
  invitations,
  canManage,
  currentUserId,
}: {
  organizationId: string;
  members: readonly MemberSummary[];
  invitations: readonly InvitationSummary[] | null;
  canManage: boolean;
  currentUserId: string;
}) {
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold text-slate-900">Members</h1>
      <table className="w-full border-collapse bg-white text-left">
        <caption className="sr-only">People in this organisation</caption>
        <thead>
          <tr className="border-b border-slate-300">
            <th scope="col" className="px-3 py-2">Name</th>
            <th scope="col" className="px-3 py-2">Email</th>
            <th scope="col" className="px-3 py-2">Role</th>
            <th scope="col" className="px-3 py-2">Joined</th>
            {canManage ? <th scope="col" className="px-3 py-2"><span className="sr-only">Actions</span></th> : null}
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr key={m.userId} className="border-b border-slate-200">
              <td className="px-3 py-2">{m.name}{m.userId === currentUserId ? " (you)" : ""}</td>
              <td className="px-3 py-2">{m.email}</td>
              <td className="px-3 py-2">{ROLE_LABELS[m.role]}</td>
              <td className="px-3 py-2">{formatDate(m.joinedAt)}</td>
              {canManage ? (
                <td className="px-3 py-2">
                  {m.userId === currentUserId ? null : <RemoveMemberButton organizationId={organizationId} userId={m.userId} name={m.name} />}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>

      {canManage ? (
        <>
          <section aria-labelledby="invite-heading" className="max-w-xl space-y-3">
            <h2 id="invite-heading" className="text-xl font-bold text-slate-900">
              Invite someone
            </h2>
            <p className="text-slate-700">Bulwark sends no email: create a link, copy it and send it to the person yourself.</p>
            <InviteForm organizationId={organizationId} />
          </section>
          <section aria-labelledby="pending-heading" className="space-y-3">
            <h2 id="pending-heading" className="text-xl font-bold text-slate-900">
              Open invitations
            </h2>
            {invitations && invitations.length > 0 ? (
              <ul className="divide-y divide-slate-200 rounded-md border border-slate-300 bg-white">
                {invitations.map((i) => {
                  const label = `${ROLE_LABELS[i.role]} invitation${i.email ? ` for ${i.email}` : ""}`;
                  return (
                    <li key={i.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3">
                      <span>
                        {label}, valid until {formatDate(i.expiresAt)}
                      </span>
                      <RevokeInvitationButton organizationId={organizationId} invitationId={i.id} label={label} />
                    </li>
                  );
                })}
              </ul>
            ) : (
              <p className="text-slate-700">No open invitations.</p>
            )}
          </section>
        </>
      ) : (
        <p className="text-slate-700">Only owners can invite or remove people.</p>
      )}
    </div>
  );
}
