/** Switch to another client of the firm: a labelled select and a button (works without JavaScript). */
import { switchClientAction } from "@/lib/server/actions/consultant";
import type { ClientSummary } from "@/lib/server/clients";
import { INPUT_CLASS } from "../forms/form-field";

export function ClientSwitcher({ clients, currentId }: { clients: readonly ClientSummary[]; currentId: string }) {
  const others = clients.filter((c) => c.archivedAt === null && c.id !== currentId);
  if (others.length === 0) return null;
  return (
    <form action={switchClientAction} className="flex flex-wrap items-end gap-2 print:hidden" data-print-hide>
      <div className="space-y-1">
        <label htmlFor="switch-client" className="block text-sm font-medium text-slate-900">
          Switch to another client
        </label>
        <select id="switch-client" name="organizationId" className={INPUT_CLASS} defaultValue={others[0]!.id}>
          {others.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="rounded-md border border-slate-500 bg-white px-3 py-2 font-medium text-slate-900 hover:bg-slate-100">
        Switch
      </button>
    </form>
  );
}
