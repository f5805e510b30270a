import type { ButtonHTMLAttributes } from "react";

type Variant = "primary" | "secondary" | "danger" | "link";

const VARIANTS: Record<Variant, string> = {
  primary: "bg-blue-800 text-white hover:bg-blue-900 disabled:bg-slate-400",
  secondary: "border border-slate-500 bg-white text-slate-900 hover:bg-slate-100 disabled:text-slate-400",
  danger: "border border-red-700 bg-white text-red-800 hover:bg-red-50",
  link: "text-blue-800 underline hover:text-blue-950",
};

export function Button({ variant = "secondary", className, type, ...rest }: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant }) {
  const base = variant === "link" ? "" : "rounded-md px-3 py-2 font-medium";
  return (
    <button
      type={type ?? "button"}
      className={`${base} ${VARIANTS[variant]} focus:outline-none focus-visible:ring-2 focus-visible:ring-blue-700 focus-visible:ring-offset-2 ${className ?? ""}`}
      {...rest}
    />
  );
}
