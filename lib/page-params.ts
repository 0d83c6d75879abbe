import type { Metadata } from 'next'

// What every page named by one path segment (a slug, a decade) shares.

/** The props Next gives such a page. */
export type ParamProps<Name extends string> = { params: Promise<Record<Name, string>> }

/** No page is rendered at build time (the build has no database): each is on its first request. */
export async function generateStaticParams() {
  return []
}

/** generateMetadata for a page whose metadata depends on its one parameter. */
export function metadataFromParam<Name extends string>(
  name: Name,
  metadataOf: (value: string) => Metadata | Promise<Metadata>,
) {
  return async ({ params }: ParamProps<Name>): Promise<Metadata> => metadataOf((await params)[name])
}
