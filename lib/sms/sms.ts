import { randomUUID } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { getEnv } from "@/lib/env";

/**
 * Text messages go through a provider behind this interface. Without one configured (the demo,
 * development) each message is written to DATA_DIR/outbox/sms instead, so nothing promised to a
 * customer silently vanishes and a developer can read what would have gone out.
 */
export interface OutgoingSms {
  to: string;
  text: string;
}

export interface SmsSender {
  send(message: OutgoingSms): Promise<{ via: string; where: string }>;
}

export function outboxSmsSender(dataDir: string = getEnv().DATA_DIR): SmsSender {
  return {
    async send(message) {
      const folder = path.resolve(dataDir, "outbox", "sms");
      await mkdir(folder, { recursive: true });
      const file = path.join(
        folder,
        `${new Date().toISOString().replace(/[:.]/g, "-")}-${randomUUID().slice(0, 8)}.txt`,
      );
      await writeFile(file, `To: ${message.to}\n\n${message.text}\n`, "utf8");
      return { via: "outbox", where: file };
    },
  };
}

/** The SMS sender this process uses (a provider's would be chosen here from the environment). */
export function defaultSmsSender(): SmsSender {
  return outboxSmsSender();
}
