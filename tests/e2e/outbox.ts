import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { E2E_DATA_DIR } from "../../playwright.config";

/**
 * The mails the e2e server wrote to its outbox (DATA_DIR/outbox, one text file each; without
 * SMTP that is where mail goes). Only the files: text messages have a folder of their own there.
 */
export function outboxMails(): string[] {
  const dir = path.join(E2E_DATA_DIR, "outbox");
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => readFileSync(path.join(dir, entry.name), "utf8"));
  } catch {
    return [];
  }
}
