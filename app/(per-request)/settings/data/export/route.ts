import { config } from '@/config'
import { memberExport } from '@/db/member-export'
import { exportZip } from '@/lib/letterboxd/export-zip'
import { signInPath } from '@/lib/safe-callback'
import { currentViewer } from '@/lib/viewer'

// "Download my data": the signed-in member's own data, never cached.
export async function GET() {
  const viewer = await currentViewer()
  if (!viewer) {
    return new Response(null, { status: 303, headers: { location: signInPath('/settings/data') } })
  }
  const zip = exportZip(await memberExport(viewer), config().siteUrl)
  const day = new Date().toISOString().slice(0, 10)
  return new Response(Buffer.from(zip), {
    headers: {
      'content-type': 'application/zip',
      'content-disposition': `attachment; filename="kinofront-export-${day}.zip"`,
      'cache-control': 'private, no-store',
    },
  })
}
