/** What a connection proved in its handshake; the server derives its rooms from this alone. */
export type SocketIdentity =
  | {
      kind: "customer";
      invoiceId: string;
      organizationId: string;
      /** The hash of the link it came with, to notice a renewed (revoked) link later. */
      tokenHash: string;
    }
  | { kind: "staff"; staffId: string; organizationId: string; role: string; name: string };
