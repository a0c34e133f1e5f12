/** A progress reporter for long commands: a bar on a terminal, nothing when piped. */
export function progressBar(
  label: string,
  stream: NodeJS.WriteStream,
): ((done: number, total: number) => void) | undefined {
  if (!stream.isTTY) return undefined
  let last = 0
  return (done, total) => {
    const now = Date.now()
    if (done < total && now - last < 100) return
    last = now
    const width = 30
    const filled = total === 0 ? width : Math.round((done / total) * width)
    stream.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`)
    if (done >= total) stream.write('\n')
  }
}
