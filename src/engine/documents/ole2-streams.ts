// Just enough of the Compound File Binary format (MS-CFB), in which Word, Excel and PowerPoint
// wrote their documents before Office Open XML: the names of the streams in its directory. An MSI
// installer or an Outlook message is a compound file too; only the stream names tell them apart.

export const OLE2_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const

const END_OF_CHAIN = 0xfffffffe
const FREE = 0xffffffff
const HEADER_DIFAT = 109
const DIRECTORY_ENTRY = 128
const STREAM = 2

const utf16 = new TextDecoder('utf-16le', { fatal: false })

/** The stream names of a compound file, or undefined when the bytes are not a sound one. */
export function ole2StreamNames(bytes: Uint8Array): string[] | undefined {
  if (bytes.length < 512 || OLE2_SIGNATURE.some((b, i) => bytes[i] !== b)) return undefined
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const shift = view.getUint16(0x1e, true)
  if (shift !== 9 && shift !== 12) return undefined
  const sectorSize = 1 << shift
  const sectors = Math.floor((bytes.length - sectorSize) / sectorSize)
  const sectorAt = (n: number) => (n + 1) * sectorSize
  const valid = (n: number) => n < sectors

  const fatSectors = fatSectorNumbers(view, sectorSize, sectors)
  if (!fatSectors) return undefined
  const perFatSector = sectorSize / 4
  /** The next sector of a chain, read from the allocation table where it is needed. */
  const next = (n: number): number => {
    const fatSector = fatSectors[Math.floor(n / perFatSector)]
    if (fatSector === undefined) return END_OF_CHAIN
    return view.getUint32(sectorAt(fatSector) + (n % perFatSector) * 4, true)
  }

  const names: string[] = []
  let sector = view.getUint32(0x30, true)
  // A chain visits each sector at most once: a longer one loops.
  for (let steps = 0; sector !== END_OF_CHAIN; steps++) {
    if (!valid(sector) || steps > sectors) return undefined
    for (let at = sectorAt(sector); at < sectorAt(sector) + sectorSize; at += DIRECTORY_ENTRY) {
      const nameBytes = view.getUint16(at + 0x40, true)
      if (view.getUint8(at + 0x42) !== STREAM || nameBytes < 2 || nameBytes > 64) continue
      names.push(utf16.decode(bytes.subarray(at, at + nameBytes - 2)))
    }
    sector = next(sector)
  }
  return names
}

/** Where the sectors of the allocation table are: 109 in the header, the rest in a chain. */
function fatSectorNumbers(
  view: DataView,
  sectorSize: number,
  sectors: number,
): number[] | undefined {
  const count = view.getUint32(0x2c, true)
  const valid = (n: number) => n < sectors
  // The table cannot take more sectors than the file has; a larger count is a damaged header.
  if (count > sectors) return undefined
  const numbers: number[] = []
  for (let i = 0; i < Math.min(count, HEADER_DIFAT); i++) {
    numbers.push(view.getUint32(0x4c + i * 4, true))
  }
  let difat = view.getUint32(0x44, true)
  const perSector = sectorSize / 4 - 1
  while (numbers.length < count && difat !== END_OF_CHAIN && difat !== FREE) {
    if (!valid(difat)) return undefined
    const at = (difat + 1) * sectorSize
    for (let i = 0; i < perSector && numbers.length < count; i++) {
      numbers.push(view.getUint32(at + i * 4, true))
    }
    difat = view.getUint32(at + perSector * 4, true)
  }
  if (numbers.length < count || !numbers.every(valid)) return undefined
  return numbers
}
