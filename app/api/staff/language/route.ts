import { NextResponse } from "next/server";
import { z } from "zod";
import { ALL_STAFF_ROLES } from "@/lib/auth/console-roles";
import { requireStaffRequest } from "@/lib/auth/require-staff";
import { getDb } from "@/lib/db/client";
import { errorResponse, readJsonBody } from "@/lib/http/api-response";
import { createLogger } from "@/lib/log";
import { parseInput } from "@/lib/validation/parse-input";

export const dynamic = "force-dynamic";

const log = createLogger("staff");

/** sv or en, or null to follow the organisation's language again. */
const staffLanguageSchema = z.strictObject({ locale: z.enum(["sv", "en"]).nullable() });

/** The signed-in staff member's console language: their own setting, nobody else's. */
export async function POST(request: Request) {
  try {
    const staff = await requireStaffRequest(request, ALL_STAFF_ROLES);
    const { locale } = parseInput(staffLanguageSchema, await readJsonBody(request), "language");
    await (await getDb()).staffUser.update({ where: { id: staff.id }, data: { locale } });
    log.info("console language set", { staffId: staff.id, locale });
    return NextResponse.json({ ok: true, locale });
  } catch (error) {
    return errorResponse(error, { route: "staff language" });
  }
}
