"use client";
import { useFormStatus } from "react-dom";
import type { ReactNode } from "react";

const VARIANTS = {
  primary: "bg-blue-800 text-white hover:bg-blue-900 disabled:bg-slate-500",
  secondary: "border border-slate-500 bg-white text-slate-900 hover:bg-slate-100 disabled:text-slate-500",
  danger: "border border-red-700 bg-white text-red-800 hover:bg-red-50",
} as const;

export function SubmitButton({
  children,
  pendingText,
  variant = "primary",
  className,
}: {
  children: ReactNode;
  pendingText?: string;
  variant?: keyof typeof VARIANTS;
  className?: string;
}) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      disabled={pending}
      aria-disabled={pending}
      className={`rounded-md px-4 py-2 font-medium focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-700 focus-visible:ring-offset-2 ${VARIANTS[variant]} ${className ?? ""}`}
    >
      {pending ? (pendingText ?? "Working…") : children}
    </button>
  );
}
