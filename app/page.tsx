import { LandingPage } from "@/components/shell/landing-page";

// The landing page is static; BULWARK_DEMO is read at build time.
export default function Page() {
  return <LandingPage isDemoOn={process.env.BULWARK_DEMO !== "off"} />;
}
