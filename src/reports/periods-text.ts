import { formatCell } from './format-cell.ts'
import type { ReportContext } from './report-context.ts'

/** "van 1 januari 2026 tot en met 31 maart 2026", or "over de hele looptijd". */
export function periodText(context: Pick<ReportContext, 'from' | 'to'>): string {
  const day = (d: string) => formatCell(d, 'date')
  if (context.from && context.to) return `van ${day(context.from)} tot en met ${day(context.to)}`
  if (context.from) return `vanaf ${day(context.from)}`
  if (context.to) return `tot en met ${day(context.to)}`
  return 'over de hele looptijd'
}
