/** The message of a form as a whole: an alert when something failed, a status when it worked. */
export function FormMessage({ message, ok, id }: { message?: string; ok?: boolean; id?: string }) {
  if (!message) return null;
  return ok ? (
    <p id={id} role="status" className="rounded-md border border-green-700 bg-green-50 px-3 py-2 text-green-900">
      {message}
    </p>
  ) : (
    <p id={id} role="alert" className="rounded-md border border-red-700 bg-red-50 px-3 py-2 text-red-900">
      {message}
    </p>
  );
}
