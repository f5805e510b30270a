import { redirect } from "next/navigation";

/** The list of clients is the portfolio. */
export default function Page(): never {
  redirect("/portfolio");
}
