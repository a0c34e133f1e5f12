import { createApp } from '../../src/http/app.ts'
import { Client } from '../support/app.ts'
import type { TestDatabase } from '../support/db.ts'

/** A pilot as GET /api/v1/pilots shows it, with its teams as GET /api/v1/instances/:id does. */
export interface ShownPilot {
  pilot: any
  teams: any[]
}

/** The token the demo's summary printed for a role (a line `  <role>  dl_…`). */
export function printedToken(summary: string, role: string): string | undefined {
  return new RegExp(`^ {2}${role} +(dl_\\S+)$`, 'm').exec(summary)?.[1]
}

/** The loaded demo read back through the HTTP API as its admin, with lookups for the tests. */
export class DemoPilots {
  private constructor(
    readonly admin: Client,
    /** Ilse Vermeulen's member token: she is in teams of 1a and 1b, not in 2a. */
    readonly outsider: Client,
    private readonly orgs: any[],
    private readonly people: any[],
    private readonly pilots: Map<string, ShownPilot>,
  ) {}

  static async read(db: TestDatabase, summary: string): Promise<DemoPilots> {
    const app = createApp({ store: db.store, onError: (e) => console.error(e) })
    const admin = new Client(app, printedToken(summary, 'admin'))
    const outsider = new Client(app, printedToken(summary, 'member'))
    const orgs = (await admin.get('/api/v1/organisations?limit=500')).body.items
    const people = (await admin.get('/api/v1/people?limit=500')).body.items
    const pilots = new Map<string, ShownPilot>()
    for (const pilot of (await admin.get('/api/v1/pilots')).body.items as any[]) {
      const teams = []
      for (const t of pilot.teams) {
        teams.push((await admin.get(`/api/v1/instances/${t.instanceId}`)).body)
      }
      pilots.set(pilot.scenario, { pilot, teams })
    }
    return new DemoPilots(admin, outsider, orgs, people, pilots)
  }

  org(name: string): any {
    const found = this.orgs.find((o) => o.name === name)
    if (!found) throw new Error(`no organisation ${name}`)
    return found
  }

  person(id: string): any {
    return this.people.find((p) => p.id === id)
  }

  scenario(s: string): ShownPilot {
    const found = this.pilots.get(s)
    if (!found) throw new Error(`no pilot ${s}`)
    return found
  }

  all(): ShownPilot[] {
    return [...this.pilots.values()]
  }

  allTeams(): any[] {
    return this.all().flatMap((p) => p.teams)
  }

  async events(instanceId: string): Promise<any[]> {
    return (await this.admin.get(`/api/v1/instances/${instanceId}/events?limit=500`)).body.items
  }
}
