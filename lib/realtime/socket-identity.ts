/** What a connection proved in its handshake; the server derives its rooms from this alone. */
export type SocketIdentity =
  | { kind: "customer"; invoiceId: string; organizationId: string }
  | { kind: "staff"; staffId: string; organizationId: string; role: string; name: string };
