import { NextResponse } from "next/server";
import { CONSOLE_ROLES, requireStaffRequest } from "@/lib/auth/require-staff";
import {
  audienceInputSchema,
  countAudience,
  parseAudienceRule,
} from "@/lib/content/targeting/audience";
import { getDb } from "@/lib/db/client";
import { errorResponse, readJsonBody } from "@/lib/http/api-response";
import { parseInput } from "@/lib/validation/parse-input";

export const dynamic = "force-dynamic";

/**
 * How many of the organisation's customers a targeting rule selects (the block editor's audience
 * size). POST, because the rule is a JSON document; it reads and writes nothing else.
 */
export async function POST(request: Request) {
  try {
    const staff = await requireStaffRequest(request, CONSOLE_ROLES.marketing);
    const { targeting } = parseInput(audienceInputSchema, await readJsonBody(request), "rule");
    const audience = await countAudience(await getDb(), {
      organizationId: staff.organizationId,
      rule: parseAudienceRule(targeting),
    });
    return NextResponse.json({ audience });
  } catch (error) {
    return errorResponse(error, { route: "marketing audience size" });
  }
}
