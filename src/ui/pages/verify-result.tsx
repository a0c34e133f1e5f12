import type { VerifyReport } from '../../engine/verify.ts'

/** The result of recomputing hash chains, in words. */
export function VerifyResult({ report }: { report: VerifyReport }) {
  const what = `${report.events} ${report.events === 1 ? 'gebeurtenis' : 'gebeurtenissen'} in ${report.instances} ${report.instances === 1 ? 'proces' : 'processen'}`
  if (report.ok) {
    return (
      <div class="verify-ok" role="status" id="verificatie">
        <strong>De keten klopt.</strong> Alle hashes van {what} zijn opnieuw berekend uit de
        opgeslagen gegevens en komen overeen; er ontbreekt niets en niets is gewijzigd.
      </div>
    )
  }
  return (
    <div class="verify-bad" role="alert" id="verificatie">
      <strong>De keten is verbroken.</strong> {what} gecontroleerd; {String(report.breaks.length)}{' '}
      breuk(en):
      <ul>
        {report.breaks.map((b) => (
          <li>
            <code>{b.instanceId}</code> gebeurtenis {String(b.seq)}: {b.reason}
          </li>
        ))}
      </ul>
    </div>
  )
}
