import { z } from "zod";
import { messageBodySchema } from "@/lib/chat/chat-input";
import type { Db } from "@/lib/db/database";
import { AppError } from "@/lib/errors/app-error";

export const cannedReplySchema = z.object({
  id: z.uuid().optional(),
  title: z.string().trim().min(1, "give the reply a title").max(80, "at most 80 characters"),
  body: messageBodySchema,
});

export async function listCannedReplies(db: Db, organizationId: string) {
  return db.cannedReply.findMany({
    where: { organizationId },
    orderBy: { title: "asc" },
    select: { id: true, title: true, body: true },
  });
}

/** Creates or edits one of the organisation's canned replies; titles are unique per organisation. */
export async function saveCannedReply(options: {
  db: Db;
  input: z.output<typeof cannedReplySchema>;
  organizationId: string;
}): Promise<{ id: string }> {
  const { input } = options;
  const clash = await options.db.cannedReply.findFirst({
    where: { organizationId: options.organizationId, title: input.title, NOT: { id: input.id } },
    select: { id: true },
  });
  if (clash) throw new AppError("CONFLICT", `A canned reply called "${input.title}" exists`);
  if (!input.id) {
    return options.db.cannedReply.create({
      data: { organizationId: options.organizationId, title: input.title, body: input.body },
      select: { id: true },
    });
  }
  const { count } = await options.db.cannedReply.updateMany({
    where: { id: input.id, organizationId: options.organizationId },
    data: { title: input.title, body: input.body },
  });
  if (count === 0) throw new AppError("NOT_FOUND", "No such canned reply");
  return { id: input.id };
}

export async function deleteCannedReply(options: {
  db: Db;
  id: string;
  organizationId: string;
}): Promise<void> {
  const { id } = options;
  const { count } = await options.db.cannedReply.deleteMany({
    where: { id, organizationId: options.organizationId },
  });
  if (count === 0) throw new AppError("NOT_FOUND", "No such canned reply");
}
