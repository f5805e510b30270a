import Link from "next/link";

export default function NotFound() {
  return (
    <main id="main" className="mx-auto max-w-xl space-y-3 px-4 py-10">
      <h1 className="text-2xl font-bold text-slate-900">Not found</h1>
      <p className="text-slate-700">This page does not exist, or you do not have access to it.</p>
      <Link href="/orgs" className="text-blue-800 underline">
        Go to your organisations
      </Link>
    </main>
  );
}
