/** A page request: at most `limit` rows after the cursor `after` (exclusive). */
export interface PageRequest {
  limit: number
  after?: string | undefined
}
