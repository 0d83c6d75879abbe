import { signUpNewUser } from './support/accounts'
import { test as setup } from './support/fixtures'
import { saveMember } from './support/members'

// One member per project that depends on this one, signed up once through the form like anyone
// else; the session cookie is a signed JWT, so the saved state stays valid for the whole run.
// Signed up in the project's own browser: with JavaScript, the saved state carries the cookie that
// gets a member the shared pages (lib/member-view.ts); without, it must not.
setup('sign up the member each project’s signed-in tests share', async ({ browser }, info) => {
  setup.slow()
  const projects = info.config.projects.filter((p) => p.dependencies.includes(info.project.name))
  await Promise.all(
    projects.map(async (project) => {
      const context = await browser.newContext({
        javaScriptEnabled: project.use.javaScriptEnabled ?? true,
      })
      const user = await signUpNewUser(await context.newPage())
      await saveMember(project.name, context, user)
      await context.close()
    }),
  )
})
