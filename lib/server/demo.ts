/**
 * The shared demo account (prisma/seed.ts creates it; "Try the demo" signs in with it). Its
 * password is public on purpose: the demo organisation holds only the published example data.
 * Set BULWARK_DEMO=off to hide the button on a real deployment.
 */
export const DEMO_EMAIL = "demo@bulwark.local";
export const DEMO_PASSWORD = "bulwark-demo-2026";
export const DEMO_NAME = "Demo User";
export const DEMO_ORGANIZATION = "Harbor Dental (demo)";
