/** The organization being seeded, as every generator needs to know it. */
export interface Tenant {
  id: string
  name: string
  /** Host of the organization's (fictional) site: links, contact addresses. */
  siteHost: string
  createdAt: Date
}
