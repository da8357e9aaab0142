/**
 * Every room name is made here, from what a connection proved in its handshake or what the server
 * checked since; clients never send a room name.
 */
export const rooms = {
  /** The customer's tabs on one invoice: customer-safe events only. */
  invoice: (invoiceId: string) => `invoice:${invoiceId}`,
  /** Staff who have that invoice open (checked to be their organisation's): notes, presence. */
  invoiceStaff: (invoiceId: string) => `invoice-staff:${invoiceId}`,
  /** Every staff connection of an organisation: the inbox. */
  organization: (organizationId: string) => `org:${organizationId}`,
  /** Every customer connection of an organisation: whether support is online. */
  organizationCustomers: (organizationId: string) => `org-customers:${organizationId}`,
};
