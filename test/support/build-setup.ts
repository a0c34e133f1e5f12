import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const BUILD = fileURLToPath(new URL('../../bin/build.js', import.meta.url))

/**
 * Tests that start `bin/doorlopend.js` run the bundle in dist/: it is rebuilt first when a source
 * is newer, so that they do not test stale code. A source that does not build yet stops no test
 * run: the tests that start the command then run the dist/ that is there, and a warning says so.
 */
export default function setup(): void {
  try {
    execFileSync(process.execPath, [BUILD, '--if-stale'], { stdio: 'inherit' })
  } catch {
    console.warn(
      '\n[doorlopend] npm run build failed: tests that start bin/doorlopend.js use an old dist/\n',
    )
  }
}
