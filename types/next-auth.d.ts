import type { StaffRole } from "@/lib/db/generated/client";

declare module "next-auth" {
  interface Session {
    staff: { id: string; role: StaffRole; organizationId: string; name: string; email: string };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    staffId: string;
    role: StaffRole;
    organizationId: string;
  }
}
