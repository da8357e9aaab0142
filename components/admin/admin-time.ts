/** A moment as the admin console shows it: Swedish time, to the second; "—" when there is none. */
export function adminTime(date: Date | null | undefined, none = "—"): string {
  return date ? date.toLocaleString("sv-SE", { timeZone: "Europe/Stockholm" }) : none;
}
