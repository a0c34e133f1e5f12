/** Progress on a terminal (nothing when piped): bytes done of a total, at most ten times a second. */
export function byteProgress(
  label: string,
  total: number,
  stream: NodeJS.WriteStream,
): ((done: number) => void) | undefined {
  if (!stream.isTTY) return undefined
  let last = 0
  const mb = (n: number) => (n / 1048576).toFixed(1)
  return (done) => {
    const now = Date.now()
    if (done < total && now - last < 100) return
    last = now
    const width = 30
    const filled = total === 0 ? width : Math.min(width, Math.round((done / total) * width))
    stream.write(
      `\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${mb(done)}/${mb(total)} MB`,
    )
    if (done >= total) stream.write('\n')
  }
}
