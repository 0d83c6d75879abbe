// A redeploy of the same code: a second production build made with the first one's
// NEXT_SERVER_ACTIONS_ENCRYPTION_KEY, and the app server swapped from one build to the other on
// the same port (tests/e2e/redeploy.cluster.spec.ts).
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { finished, runScript } from '../../helpers/processes'

type ActionManifest = {
  node: Record<string, { filename: string; exportedName: string }>
  encryptionKey: string
}

function manifestOf(distDir: string): ActionManifest {
  return JSON.parse(readFileSync(join(distDir, 'server/server-reference-manifest.json'), 'utf8'))
}

/** The key a build was made with: the variable if it was set, else the one Next generated. */
export const encryptionKeyOf = (distDir: string) => manifestOf(distDir).encryptionKey

/** Each server action of a build by its file and export name ("app/actions/x.ts#rate"), to its id. */
export function actionIdsOf(distDir: string) {
  const ids = new Map<string, string>()
  for (const [id, { filename, exportedName }] of Object.entries(manifestOf(distDir).node)) {
    ids.set(`${filename}#${exportedName}`, id)
  }
  return ids
}

/**
 * Next 16 names an action with a one-byte kind and the SHA-1 of the build's key, the file's path
 * from the project root and the export's name (`key + "app/actions/x.ts:rate"`): the same code
 * built with another key gets other ids, and a form from the old build would find no action.
 */
export function idDerivesFromKey(id: string, key: string, fileAndExport: string) {
  const [file, name] = fileAndExport.split('#') as [string, string]
  return id.slice(2) === createHash('sha1').update(`${key}${file}:${name}`).digest('hex')
}

/** `next build` into `distDir` (next.config.ts reads NEXT_DIST_DIR) with the deploy's settings. */
export async function buildDeploy(
  distDir: string,
  settings: { key: string; deploymentId: string },
) {
  rmSync(distDir, { recursive: true, force: true })
  const build = spawn('npx', ['next', 'build'], {
    env: {
      ...process.env,
      NEXT_DIST_DIR: distDir,
      NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: settings.key,
      NEXT_DEPLOYMENT_ID: settings.deploymentId,
      NEXT_TELEMETRY_DISABLED: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const { code, output } = await finished(build)
  if (code !== 0) throw new Error(`next build into ${distDir} failed (${code}):\n${output}`)
}

export type AppServer = { stop: () => Promise<void> }

/** `server.ts` serving the build in `distDir` at `url`, answering /readyz. */
export async function startApp(
  url: string,
  distDir: string,
  env: Record<string, string>,
): Promise<AppServer> {
  const child = runScript('server.ts', [], {
    ...env,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: new URL(url).port,
    SITE_URL: url,
    NEXT_DIST_DIR: distDir,
    NEXT_TELEMETRY_DISABLED: '1',
  })
  const exited = finished(child)
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
    await exited
  }
  const deadline = Date.now() + 120_000
  while (!(await answers(`${url}/readyz`))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop()
      throw new Error(`${distDir} at ${url} did not come up:\n${(await exited).output}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  return { stop }
}

async function answers(url: string) {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(2000) })).ok
  } catch {
    return false
  }
}
