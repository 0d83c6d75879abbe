// Kinofront: before the page paints, marks it for a member whose browser fetches its own part
// of the shared pages (lib/member-view.ts), so that "Sign in" never shows before their controls.
// A file rather than an inline script: the site's Content-Security-Policy forbids inline ones.
if (/(?:^|;\s*)kf-member-js=1(?:;|$)/.test(document.cookie)) {
  document.documentElement.setAttribute('data-member-view', '')
}
