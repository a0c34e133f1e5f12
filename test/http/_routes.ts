import { createApp } from '../../src/http/app.ts'
import { createDb } from '../../db/create-db.ts'
const store = createDb('sqlite::memory:')
const app = createApp({ store })
for (const r of app.routes) console.log(r.method, r.path)
