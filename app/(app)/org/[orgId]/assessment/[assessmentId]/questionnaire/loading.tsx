import { PageSkeleton } from "@/components/assessment/page-skeleton";

export default function Loading() {
  return <PageSkeleton label="Loading the questions…" />;
}
