import { randomUUID } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer from "nodemailer";
import { getEnv } from "@/lib/env";

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  attachments?: Array<{ filename: string; content: Uint8Array; contentType: string }>;
}

/**
 * Sends an email through SMTP_URL. Without SMTP (the demo, development) the mail is written to
 * DATA_DIR/outbox as a text file instead, so nothing promised to a customer silently vanishes and
 * a developer can read what would have gone out.
 */
export interface MailConfig {
  smtpUrl?: string;
  from?: string;
  dataDir: string;
}

export async function sendMail(
  mail: OutgoingMail,
  config: MailConfig = mailConfigFromEnv(),
): Promise<{ via: "smtp" | "outbox"; where: string }> {
  const from = config.from ?? "Nota <no-reply@nota.invalid>";
  if (config.smtpUrl) {
    const transport = nodemailer.createTransport(config.smtpUrl);
    const info = await transport.sendMail({
      from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      attachments: mail.attachments?.map((file) => ({
        filename: file.filename,
        content: Buffer.from(file.content),
        contentType: file.contentType,
      })),
    });
    return { via: "smtp", where: String(info.messageId) };
  }
  const outbox = path.resolve(config.dataDir, "outbox");
  await mkdir(outbox, { recursive: true });
  const file = path.join(
    outbox,
    `${new Date().toISOString().replace(/[:.]/g, "-")}-${randomUUID().slice(0, 8)}.txt`,
  );
  // Attachments lie beside the mail, named after it, and are listed in it.
  const attached = (mail.attachments ?? []).map((attachment) => ({
    ...attachment,
    path: file.replace(/\.txt$/, `-${attachment.filename.replace(/[^\w.-]/g, "_")}`),
  }));
  for (const attachment of attached) await writeFile(attachment.path, attachment.content);
  const listed = attached.map((a) => `Attachment: ${path.basename(a.path)} (${a.contentType})\n`);
  await writeFile(
    file,
    `From: ${from}\nTo: ${mail.to}\nSubject: ${mail.subject}\n${listed.join("")}\n${mail.text}\n`,
    "utf8",
  );
  return { via: "outbox", where: file };
}

function mailConfigFromEnv(): MailConfig {
  const env = getEnv();
  return { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM, dataDir: env.DATA_DIR };
}
