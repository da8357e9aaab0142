import { mkdir, readdir, readFile, rename, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseBankFile } from "@/lib/bank-files/formats/parse-bank-file";
import type { BankAccountRef } from "@/lib/bank-files/formats/types";
import { detectBankFileFormat, receiveBankFile } from "@/lib/bank-files/receive-bank-file";
import type { Db } from "@/lib/db/database";
import { isAppError } from "@/lib/errors/app-error";
import { createLogger } from "@/lib/log";

/**
 * The watched folder DATA_DIR/inbox/bank/, where a bank delivers its files (by SFTP, say): each
 * file is taken once — registered for the organisation whose account it names and imported as a
 * job — and moved to done/; a file that is too large, unreadable or for no organisation of ours is
 * moved to refused/ with a note saying why. A file too large is never read at all.
 */
const log = createLogger("bank-files");

export function inboxFolder(dataDir: string) {
  return path.resolve(dataDir, "inbox", "bank");
}

async function moveTo(folder: string, file: string, name: string) {
  await mkdir(folder, { recursive: true });
  const target = path.join(folder, `${new Date().toISOString().replace(/[:.]/g, "-")}-${name}`);
  await rename(file, target);
  return target;
}

export async function scanBankInbox(options: {
  db: Db;
  dataDir: string;
  maxBytes: number;
}): Promise<{ taken: number; refused: number }> {
  const inbox = inboxFolder(options.dataDir);
  let names: string[];
  try {
    names = await readdir(inbox);
  } catch {
    return { taken: 0, refused: 0 };
  }
  let taken = 0;
  let refused = 0;
  for (const name of names.sort()) {
    const file = path.join(inbox, name);
    const info = await stat(file).catch(() => null);
    // Folders (done/, refused/) and files still being written (dot files) are left alone.
    if (!info?.isFile() || name.startsWith(".")) continue;
    const refuse = async (reason: string) => {
      const moved = await moveTo(path.join(inbox, "refused"), file, name);
      await writeFile(`${moved}.reason.txt`, `${reason}\n`, "utf8");
      log.warn("bank file from the inbox refused", { name, reason });
      refused += 1;
    };
    if (info.size > options.maxBytes) {
      await refuse(
        `The file is ${info.size} bytes; at most ${options.maxBytes} are taken (BANK_FILE_MAX_BYTES)`,
      );
      continue;
    }
    const bytes = new Uint8Array(await readFile(file));
    const format = detectBankFileFormat(bytes);
    if (!format) {
      await refuse("Neither a camt.054 (XML) nor a BgMax file");
      continue;
    }
    let accounts: BankAccountRef[];
    try {
      accounts = parseBankFile(format, bytes).accounts;
    } catch (error) {
      await refuse(isAppError(error) ? error.message : "The file could not be read");
      continue;
    }
    const bankgiros = accounts.flatMap((a) => (a.bankgiro ? [a.bankgiro.replace(/\D/g, "")] : []));
    const ibans = accounts.flatMap((a) =>
      a.iban ? [a.iban.replace(/\s/g, "").toUpperCase()] : [],
    );
    const organizations = (
      await options.db.organization.findMany({
        select: { id: true, bankgiro: true, bankAccountIban: true },
      })
    ).filter(
      (org) =>
        (org.bankgiro && bankgiros.includes(org.bankgiro.replace(/\D/g, "").replace(/^0+/, ""))) ||
        (org.bankAccountIban &&
          ibans.includes(org.bankAccountIban.replace(/\s/g, "").toUpperCase())),
    );
    if (organizations.length !== 1) {
      await refuse(
        organizations.length === 0
          ? `No organisation has the account the file is for (${[...bankgiros, ...ibans].join(", ") || "none named"})`
          : "More than one organisation has the account the file is for",
      );
      continue;
    }
    await receiveBankFile({
      db: options.db,
      organizationId: organizations[0]!.id,
      source: "FOLDER",
      fileName: name,
      bytes,
    });
    await moveTo(path.join(inbox, "done"), file, name);
    taken += 1;
  }
  return { taken, refused };
}
