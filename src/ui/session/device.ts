const BROWSERS: [RegExp, string][] = [
  [/Edg\//, 'Edge'],
  [/OPR\/|Opera/, 'Opera'],
  [/Firefox\//, 'Firefox'],
  [/Chrome\/|Chromium\//, 'Chrome'],
  [/Safari\//, 'Safari'],
]

const SYSTEMS: [RegExp, string][] = [
  [/iPhone|iPad/, 'iOS'],
  [/Android/, 'Android'],
  [/Windows/, 'Windows'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/CrOS/, 'ChromeOS'],
  [/Linux/, 'Linux'],
]

const first = (ua: string, table: [RegExp, string][]) => table.find(([re]) => re.test(ua))?.[1]

/**
 * A coarse label for the user's list of sessions ("Firefox op Windows"): enough to recognise a
 * device, too little to single anyone out. The User-Agent itself is not kept.
 */
export function deviceLabel(userAgent: string | undefined): string | null {
  if (!userAgent) return null
  const browser = first(userAgent, BROWSERS)
  const system = first(userAgent, SYSTEMS)
  if (browser && system) return `${browser} op ${system}`
  return browser ?? system ?? 'Onbekende browser'
}
