import { ConsultantSkeleton } from "@/components/consultant/skeleton";

export default function Loading() {
  return <ConsultantSkeleton label="Loading the portfolio…" />;
}
