import { filmMetadata, FilmRoute } from './film-route'
import { FilmPersonalSlot } from '@/components/personal/film-personal-slot'
import { metadataFromParam, type ParamProps } from '@/lib/page-params'

// Rendered on first request, then served from the cache: no database is needed at build time.
// Requests with a session are rewritten to app/(per-request)/signed-in/films/[slug].
export const revalidate = 3600
export { generateStaticParams } from '@/lib/page-params'

type Props = ParamProps<'slug'>

export const generateMetadata = metadataFromParam('slug', filmMetadata)

export default async function FilmPage({ params }: Props) {
  return (
    <FilmRoute
      slug={(await params).slug}
      viewer={null}
      // The member's controls are filled in by their browser.
      personal={(film) => (
        <FilmPersonalSlot film={{ id: film.id, slug: film.slug, title: film.title }} />
      )}
    />
  )
}
