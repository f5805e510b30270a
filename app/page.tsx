import { LandingPage } from "@/components/shell/landing-page";

// BULWARK_DEMO is read per request: the root layout renders every page per request (CSP nonces).
export default function Page() {
  return <LandingPage isDemoOn={process.env.BULWARK_DEMO !== "off"} />;
}
