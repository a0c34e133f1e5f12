import type { AnyStateNode } from 'xstate'
import { describe, expect, it } from 'vitest'
import { machineVersions, machines } from '../../machines/index.ts'
import { MachineDiagram } from '../../src/ui/diagram/diagram.tsx'
import { activePaths, layoutMachine } from '../../src/ui/diagram/diagram-layout.ts'

function statePaths(node: AnyStateNode): string[] {
  return Object.values(node.states).flatMap((child) => [child.path.join('.'), ...statePaths(child)])
}

const svgOf = async (id: keyof typeof machines, state?: unknown) =>
  String(await MachineDiagram({ def: machines[id], state }))

describe('machine diagrams', () => {
  for (const def of machineVersions) {
    it(`draw every state of ${def.id} version ${String(def.version)}, read from its definition`, () => {
      const layout = layoutMachine(def)
      expect(layout.boxes.map((b) => b.path).sort()).toEqual(
        statePaths(def.machine.root as AnyStateNode).sort(),
      )
      // No two boxes of one level overlap.
      const boxes = layout.boxes.filter((b) => b.kind === 'state' || b.kind === 'final')
      for (const a of boxes) {
        for (const b of boxes) {
          if (a === b) continue
          const apart = a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y
          expect(apart, `${a.path} and ${b.path}`).toBe(true)
        }
      }
      expect(layout.edges.filter((e) => e.label).length).toBeGreaterThan(5)
    })
  }

  it('lays the phases of an ontwikkelteam out in a row, in order', () => {
    const boxes = layoutMachine(machines.ontwikkelteam).boxes
    const xs = [
      'verkennen',
      'delen',
      'overeenkomen',
      'vormgeven',
      'uitvoeren',
      'evalueren',
      'dissemineren',
    ].map((p) => boxes.find((b) => b.path === p)?.x ?? -1)
    expect(xs).toEqual([...xs].sort((a, b) => a - b))
    expect(new Set(boxes.map((b) => b.y)).size).toBe(1)
  })

  it('puts the regions of a rolovergang side by side, their states stacked', () => {
    const boxes = layoutMachine(machines.rolovergang).boxes
    const region = (r: string) => boxes.find((b) => b.path === `lopend.${r}`)
    const xs = ['toegang', 'ondersteuning', 'facilitering', 'erkenning', 'rol'].map(
      (r) => region(r)?.x ?? -1,
    )
    expect(xs).toEqual([...xs].sort((a, b) => a - b))
    const toegang = ['open', 'orientatie', 'toegelaten'].map(
      (s) => boxes.find((b) => b.path === `lopend.toegang.${s}`)?.y ?? -1,
    )
    expect(toegang).toEqual([...toegang].sort((a, b) => a - b))
  })

  it('highlight the active states and name them for screen readers', async () => {
    const value = {
      lopend: {
        toegang: 'toegelaten',
        ondersteuning: 'open',
        facilitering: 'afgesproken',
        erkenning: 'open',
        rol: 'voorbereiding',
      },
    }
    expect(activePaths(value)).toContain('lopend.facilitering.afgesproken')
    const svg = await svgOf('rolovergang', value)
    expect(svg).toContain('<g data-state="lopend.toegang.toegelaten" data-active="true">')
    expect(svg).not.toContain('<g data-state="lopend.toegang.open" data-active="true">')
    expect(svg).toContain('Huidige toestand: lopend › Toegang › toegelaten')
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]* role="img"/)
    const plain = await svgOf('ontwikkelteam')
    expect(plain).not.toContain('data-active')
  })
})
