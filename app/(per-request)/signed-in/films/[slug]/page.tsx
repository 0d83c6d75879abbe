import { FilmPersonalPanel } from '@/components/film-personal-panel'
import { FilmPersonalSlot } from '@/components/personal/film-personal-slot'
import { currentViewer } from '@/lib/viewer'
import { filmMetadata, FilmRoute } from '@/app/(cached-for-everyone)/films/[slug]/film-route'
import { metadataFromParam, type ParamProps } from '@/lib/page-params'

// /films/[slug] for someone signed in (its twin in lib/routes.ts): rendered per request.
type Props = ParamProps<'slug'>

export const generateMetadata = metadataFromParam('slug', filmMetadata)

export default async function SignedInFilmPage({ params }: Props) {
  const viewer = await currentViewer()
  return (
    <FilmRoute
      slug={(await params).slug}
      viewer={viewer}
      personal={(film) =>
        viewer ? (
          <FilmPersonalPanel film={film} viewer={viewer} />
        ) : (
          <FilmPersonalSlot film={{ id: film.id, slug: film.slug, title: film.title }} />
        )
      }
    />
  )
}
