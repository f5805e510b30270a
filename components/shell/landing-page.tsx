import Link from "next/link";
import { DemoButton } from "../account/demo-button";

export function LandingPage({ isDemoOn }: { isDemoOn: boolean }) {
  return (
    <div className="mx-auto max-w-3xl px-4 py-12">
      <header className="flex items-center justify-between">
        <span className="text-lg font-bold text-slate-900">Bulwark</span>
        <nav aria-label="Account" className="flex gap-4">
          <Link href="/sign-in" className="text-blue-800 underline">
            Sign in
          </Link>
        </nav>
      </header>
      <main id="main" className="mt-12 space-y-8">
        <h1 className="text-4xl font-bold leading-tight text-slate-900">Where will your IT let you down, and what should you fix first?</h1>
        <p className="text-lg text-slate-700">
          Bulwark asks plain questions about your power, internet, computers, services, backups and the people who fix them. It then
          tells you which single failures would stop your business, how many hours a year that is likely to cost, in money, and a
          short plan ranked by what each fix saves for what it costs.
        </p>
        <div className="flex flex-wrap items-start gap-4">
          <Link href="/sign-up" className="rounded-md bg-blue-800 px-4 py-2 font-medium text-white hover:bg-blue-900">
            Create an account
          </Link>
          {isDemoOn ? <DemoButton /> : null}
        </div>
        <section aria-labelledby="how" className="space-y-2">
          <h2 id="how" className="text-xl font-bold text-slate-900">
            How it works
          </h2>
          <ol className="list-decimal space-y-1 pl-6 text-slate-700">
            <li>Answer one topic at a time; every answer saves as you go, and &ldquo;I don&rsquo;t know&rdquo; is always allowed.</li>
            <li>See each weak point explained in a sentence, with its hours and money per year.</li>
            <li>Get a plan: what to buy or change first, what it costs, and when it pays for itself.</li>
          </ol>
        </section>
        <p className="text-sm text-slate-600">Open source and self-hosted: your answers stay on your own server.</p>
      </main>
    </div>
  );
}
