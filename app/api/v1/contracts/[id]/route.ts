import { apiRoute } from "@/lib/api/api-handler";
import { contractView } from "@/lib/api/invoice-views";
import { getContract } from "@/lib/catalogue/plans-and-contracts";
import { parseRouteId } from "@/lib/validation/parse-input";

export const dynamic = "force-dynamic";

export const GET = apiRoute({
  operation: "getContract",
  async handle({ db, principal, params }) {
    const id = parseRouteId(params.id ?? "", "contract");
    return { status: 200, body: contractView(await getContract(db, principal.organizationId, id)) };
  },
});
