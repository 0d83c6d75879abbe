import { sql } from 'drizzle-orm'
import {
  check,
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex,
} from 'drizzle-orm/sqlite-core'

export const filmColours = ['bw', 'colour', 'mixed'] as const
export type FilmColour = (typeof filmColours)[number]

/** A title in another language or script, e.g. the Georgian title of a Georgian film. */
export type LocalTitle = { lang: string; title: string }

export const films = sqliteTable(
  'films',
  {
    id: integer('id').primaryKey(),
    slug: text('slug').notNull().unique(),
    title: text('title').notNull(),
    altTitles: text('alt_titles', { mode: 'json' }).$type<string[]>().notNull().default([]),
    originalTitle: text('original_title'),
    originalLanguage: text('original_language'),
    transliteration: text('transliteration'),
    localTitles: text('local_titles', { mode: 'json' }).$type<LocalTitle[]>().notNull().default([]),
    yearStart: integer('year_start').notNull(),
    yearEnd: integer('year_end'),
    runtimeMinutes: integer('runtime_minutes'),
    runtimeNote: text('runtime_note'),
    country: text('country'),
    synopsis: text('synopsis'),
    colour: text('colour', { enum: filmColours }),
    /** Lower-cased, diacritic-free title used for sorting. */
    sortTitle: text('sort_title').notNull(),
  },
  (t) => [
    index('films_year_idx').on(t.yearStart, t.sortTitle),
    index('films_sort_title_idx').on(t.sortTitle),
    index('films_year_end_idx').on(t.yearEnd),
    index('films_colour_idx').on(t.colour, t.sortTitle),
    check('films_year_range', sql`${t.yearEnd} is null or ${t.yearEnd} >= ${t.yearStart}`),
  ],
)

/** Parts of a film released in several instalments (Liberation's five films). */
export const filmParts = sqliteTable(
  'film_parts',
  {
    filmId: integer('film_id')
      .notNull()
      .references(() => films.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    year: integer('year').notNull(),
  },
  (t) => [primaryKey({ columns: [t.filmId, t.position] })],
)

/** The studios that made each film, in credit order; indexed by name for the studio filter. */
export const filmStudios = sqliteTable(
  'film_studios',
  {
    filmId: integer('film_id')
      .notNull()
      .references(() => films.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    name: text('name').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.filmId, t.position] }),
    index('film_studios_name_idx').on(t.name),
  ],
)

/** Old or alternative slugs that redirect permanently to the film's canonical one. */
export const filmSlugAliases = sqliteTable('film_slug_aliases', {
  slug: text('slug').primaryKey(),
  filmId: integer('film_id')
    .notNull()
    .references(() => films.id, { onDelete: 'cascade' }),
})

export const people = sqliteTable('people', {
  id: integer('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  name: text('name').notNull(),
  originalName: text('original_name'),
  otherNames: text('other_names', { mode: 'json' }).$type<string[]>().notNull().default([]),
  birthYear: integer('birth_year'),
  deathYear: integer('death_year'),
})

export const creditRoles = ['director', 'writer', 'cinematographer', 'composer', 'cast'] as const
export type CreditRole = (typeof creditRoles)[number]

export const credits = sqliteTable(
  'credits',
  {
    filmId: integer('film_id')
      .notNull()
      .references(() => films.id, { onDelete: 'cascade' }),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    role: text('role', { enum: creditRoles }).notNull(),
    position: integer('position').notNull(),
    /** For cast: whom the person played, where a source says. */
    character: text('character'),
  },
  (t) => [
    primaryKey({ columns: [t.filmId, t.role, t.personId] }),
    index('credits_person_idx').on(t.personId, t.role),
  ],
)

export const filmFacts = [
  'titles',
  'year',
  'directors',
  'writers',
  'cinematographers',
  'composers',
  'cast',
  'studios',
  'runtime',
  'colour',
  'synopsis',
] as const
export type FilmFact = (typeof filmFacts)[number]

/** Where each fact on a film page comes from: one row per source, with a note where they differ. */
export const filmSources = sqliteTable(
  'film_sources',
  {
    filmId: integer('film_id')
      .notNull()
      .references(() => films.id, { onDelete: 'cascade' }),
    fact: text('fact', { enum: filmFacts }).notNull(),
    position: integer('position').notNull(),
    url: text('url').notNull(),
    note: text('note'),
  },
  (t) => [primaryKey({ columns: [t.filmId, t.fact, t.position] })],
)

export const personSources = sqliteTable(
  'person_sources',
  {
    personId: integer('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    url: text('url').notNull(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.position] })],
)

/** Small facts about the database itself, such as which version of the bundled canon it holds. */
export const catalogueState = sqliteTable('catalogue_state', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
})

export const curatedLists = sqliteTable('curated_lists', {
  id: integer('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  title: text('title').notNull(),
  introduction: text('introduction').notNull(),
})

export const curatedEntries = sqliteTable(
  'curated_entries',
  {
    id: integer('id').primaryKey(),
    listId: integer('list_id')
      .notNull()
      .references(() => curatedLists.id, { onDelete: 'cascade' }),
    /** Null when the film is not in the catalogue: the entry is kept as text only. */
    filmId: integer('film_id').references(() => films.id, { onDelete: 'restrict' }),
    position: integer('position').notNull(),
    /** The entry's title and year exactly as the curator wrote them. */
    listedTitle: text('listed_title').notNull(),
    listedYear: text('listed_year').notNull(),
    description: text('description').notNull(),
    fact: text('fact').notNull(),
  },
  (t) => [
    uniqueIndex('curated_entries_list_film_idx').on(t.listId, t.filmId),
    index('curated_entries_list_position_idx').on(t.listId, t.position),
  ],
)

export const correctionVerdicts = ['corrected', 'verified'] as const
export type CorrectionVerdict = (typeof correctionVerdicts)[number]

/** What a curated entry (or, with no entry, the list itself) gets wrong or right, and the sources. */
export const corrections = sqliteTable(
  'corrections',
  {
    id: integer('id').primaryKey(),
    listId: integer('list_id')
      .notNull()
      .references(() => curatedLists.id, { onDelete: 'cascade' }),
    entryId: integer('entry_id').references(() => curatedEntries.id, { onDelete: 'cascade' }),
    /** Which part of the curator's text it concerns: title, year, description, fact or introduction. */
    field: text('field').notNull(),
    verdict: text('verdict', { enum: correctionVerdicts }).notNull(),
    claim: text('claim').notNull(),
    finding: text('finding').notNull(),
    relatedFilmId: integer('related_film_id').references(() => films.id, { onDelete: 'set null' }),
    sources: text('sources', { mode: 'json' }).$type<string[]>().notNull().default([]),
    position: integer('position').notNull(),
  },
  (t) => [index('corrections_entry_idx').on(t.entryId), index('corrections_list_idx').on(t.listId)],
)

export type Film = typeof films.$inferSelect
export type NewFilm = typeof films.$inferInsert
export type Person = typeof people.$inferSelect
export type CuratedList = typeof curatedLists.$inferSelect
export type CuratedEntry = typeof curatedEntries.$inferSelect
export type Correction = typeof corrections.$inferSelect

/**
 * People with an account. The first five columns are the ones Auth.js's Drizzle adapter reads and
 * writes (it creates a user when someone first signs in with an identity provider).
 */
export const users = sqliteTable('users', {
  id: text('id')
    .primaryKey()
    .$defaultFn(() => crypto.randomUUID()),
  name: text('name'),
  email: text('email').unique(),
  emailVerified: integer('email_verified', { mode: 'timestamp_ms' }),
  image: text('image'),
  /** Lower-case, unique; null until someone who came through a provider chooses one. */
  username: text('username').unique(),
  /** scrypt with its parameters (see lib/password.ts); null for provider-only accounts. */
  passwordHash: text('password_hash'),
  /** Raised to end every session issued before it (password change, account deletion). */
  sessionVersion: integer('session_version').notNull().default(1),
  /** Whether others may see this person's watchlist on their profile. */
  watchlistPublic: integer('watchlist_public', { mode: 'boolean' }).notNull().default(false),
  /** Whether others may see this person's diary and reviews (public unless they say otherwise). */
  diaryPublic: integer('diary_public', { mode: 'boolean' }).notNull().default(true),
  createdAt: integer('created_at', { mode: 'timestamp_ms' })
    .notNull()
    .$defaultFn(() => new Date()),
})

/** Identity-provider accounts linked to a user, in the shape Auth.js's adapter expects. */
export const accounts = sqliteTable(
  'accounts',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    type: text('type').notNull(),
    provider: text('provider').notNull(),
    providerAccountId: text('provider_account_id').notNull(),
    refresh_token: text('refresh_token'),
    access_token: text('access_token'),
    expires_at: integer('expires_at'),
    token_type: text('token_type'),
    scope: text('scope'),
    id_token: text('id_token'),
    session_state: text('session_state'),
  },
  (t) => [
    primaryKey({ columns: [t.provider, t.providerAccountId] }),
    index('accounts_user_idx').on(t.userId),
  ],
)

/** Sign-in attempts, kept for throttling (db/sign-in-throttle.ts); old rows are pruned. */
export const signInAttempts = sqliteTable(
  'sign_in_attempts',
  {
    id: integer('id').primaryKey(),
    /** The email as typed (normalised), whether or not an account has it. */
    email: text('email').notNull(),
    clientAddress: text('client_address').notNull(),
    succeeded: integer('succeeded', { mode: 'boolean' }).notNull(),
    attemptedAt: integer('attempted_at', { mode: 'timestamp_ms' }).notNull(),
    /**
     * 'sign-in'; 'confirm' for a signed-in member re-entering their password in settings;
     * 'sign-up' for an account created (its email), counted per address.
     */
    purpose: text('purpose', { enum: ['sign-in', 'confirm', 'sign-up'] })
      .notNull()
      .default('sign-in'),
  },
  (t) => [
    index('sign_in_attempts_email_idx').on(t.email, t.attemptedAt),
    index('sign_in_attempts_client_idx').on(t.clientAddress, t.attemptedAt),
  ],
)

/**
 * One signed-in browser. The session cookie names its row, so signing out ends that session on
 * the server too, and a copy of the cookie is refused from then on (lib/session-token.ts).
 */
export const memberSessions = sqliteTable(
  'member_sessions',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    /** Moved on at most once in a while (SESSION_LIFETIME.touchEvery), not on every request. */
    lastSeenAt: integer('last_seen_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('member_sessions_user_idx').on(t.userId)],
)

export type User = typeof users.$inferSelect
export type SignInAttempt = typeof signInAttempts.$inferSelect

/** One person's score for one film, in half stars: 1 = ½ star … 10 = 5 stars. */
export const ratings = sqliteTable(
  'ratings',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    filmId: integer('film_id')
      .notNull()
      .references(() => films.id, { onDelete: 'cascade' }),
    score: integer('score').notNull(),
    ratedAt: integer('rated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.filmId] }),
    index('ratings_user_idx').on(t.userId, t.ratedAt),
    check('ratings_score_range', sql`${t.score} between 1 and 10`),
  ],
)

/**
 * How many ratings of each score a film has, kept by triggers on `ratings` (drizzle/0006) in
 * the same transaction as the rating itself, so summaries stay exact and cost ten rows to read.
 */
export const filmRatingCounts = sqliteTable(
  'film_rating_counts',
  {
    filmId: integer('film_id')
      .notNull()
      .references(() => films.id, { onDelete: 'cascade' }),
    score: integer('score').notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.filmId, t.score] })],
)

/**
 * Every film's number of ratings and their sum, one row per film, kept by triggers on `films`
 * and `ratings` (drizzle/0006) in the same statement as the change. It carries a copy of the
 * film's sort title so that each catalogue order by rating is one walk of one index.
 */
export const filmRatingTotals = sqliteTable(
  'film_rating_totals',
  {
    filmId: integer('film_id')
      .primaryKey()
      .references(() => films.id, { onDelete: 'cascade' }),
    sortTitle: text('sort_title').notNull(),
    ratingCount: integer('rating_count').notNull().default(0),
    halfStarSum: integer('half_star_sum').notNull().default(0),
    /** In stars (0.5–5), or null without ratings, which sorts last when descending. */
    average: real('average').generatedAlwaysAs(
      sql`case when "rating_count" > 0 then "half_star_sum" * 1.0 / "rating_count" / 2 end`,
      { mode: 'virtual' },
    ),
  },
  (t) => [
    index('film_rating_totals_rating_idx').on(
      sql`${t.average} desc`,
      sql`${t.ratingCount} desc`,
      t.sortTitle,
    ),
    index('film_rating_totals_most_rated_idx').on(
      sql`${t.ratingCount} desc`,
      sql`${t.average} desc`,
      t.sortTitle,
    ),
  ],
)

export const watchlistEntries = sqliteTable(
  'watchlist_entries',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    filmId: integer('film_id')
      .notNull()
      .references(() => films.id, { onDelete: 'cascade' }),
    addedAt: integer('added_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.filmId] }),
    index('watchlist_user_idx').on(t.userId, t.addedAt),
  ],
)

export const listVisibilities = ['public', 'private'] as const
export type ListVisibility = (typeof listVisibilities)[number]

/** Lists people make of their own. */
export const lists = sqliteTable(
  'lists',
  {
    id: integer('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    slug: text('slug').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    visibility: text('visibility', { enum: listVisibilities }).notNull().default('private'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [uniqueIndex('lists_user_slug_idx').on(t.userId, t.slug)],
)

export const listEntries = sqliteTable(
  'list_entries',
  {
    listId: integer('list_id')
      .notNull()
      .references(() => lists.id, { onDelete: 'cascade' }),
    filmId: integer('film_id')
      .notNull()
      .references(() => films.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    note: text('note').notNull().default(''),
    addedAt: integer('added_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.listId, t.filmId] }),
    index('list_entries_position_idx').on(t.listId, t.position),
  ],
)

export type Rating = typeof ratings.$inferSelect
export type WatchlistEntry = typeof watchlistEntries.$inferSelect
export type List = typeof lists.$inferSelect
export type ListEntry = typeof listEntries.$inferSelect

/**
 * Paths whose pages a write made stale, so that every server (and other processes such as the
 * importer) can refresh them: each server polls for rows after the last one it saw.
 * AUTOINCREMENT: ids are never reused after old rows are pruned.
 */
export const pageChanges = sqliteTable(
  'page_changes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    path: text('path').notNull(),
    changedAt: integer('changed_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('page_changes_changed_at_idx').on(t.changedAt)],
)

/** One viewing a member logged: when they watched it, and what they thought (a review is optional). */
export const diaryEntries = sqliteTable(
  'diary_entries',
  {
    id: integer('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    filmId: integer('film_id')
      .notNull()
      .references(() => films.id, { onDelete: 'cascade' }),
    /** The calendar day, YYYY-MM-DD, as the member gave it: no time zone to shift it. */
    watchedOn: text('watched_on').notNull(),
    loggedAt: integer('logged_at', { mode: 'timestamp_ms' }).notNull(),
    /** Half stars like `ratings.score`, or null when the entry has no rating. */
    score: integer('score'),
    rewatch: integer('rewatch', { mode: 'boolean' }).notNull().default(false),
    review: text('review'),
    spoilers: integer('spoilers', { mode: 'boolean' }).notNull().default(false),
    /** In the order the member wrote them; shown with the entry and exported, never searched. */
    tags: text('tags', { mode: 'json' }).$type<string[]>().notNull().default([]),
  },
  (t) => [
    index('diary_entries_user_idx').on(t.userId, t.watchedOn, t.id),
    index('diary_entries_user_film_idx').on(t.userId, t.filmId),
    index('diary_entries_film_reviews_idx')
      .on(t.filmId, t.loggedAt)
      .where(sql`${t.review} is not null`),
    check('diary_entries_score_range', sql`${t.score} is null or ${t.score} between 1 and 10`),
  ],
)

/** Films a member has seen: logged in the diary or simply marked as watched. */
export const watchedFilms = sqliteTable(
  'watched_films',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    filmId: integer('film_id')
      .notNull()
      .references(() => films.id, { onDelete: 'cascade' }),
    markedAt: integer('marked_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.filmId] }),
    index('watched_films_user_idx').on(t.userId, t.markedAt),
  ],
)

export type DiaryEntry = typeof diaryEntries.$inferSelect
export type WatchedFilm = typeof watchedFilms.$inferSelect

/**
 * A Letterboxd import someone has previewed but not yet applied: the rows read from their file,
 * kept so that "Import" (a second request, perhaps without JavaScript) applies what was shown.
 */
export const pendingImports = sqliteTable(
  'pending_imports',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    rows: text('rows', { mode: 'json' }).notNull(),
  },
  (t) => [index('pending_imports_user_idx').on(t.userId, t.createdAt)],
)

/** People allowed to import curated lists, edit their corrections and choose the featured list. */
export const curators = sqliteTable('curators', {
  userId: text('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  grantedAt: integer('granted_at', { mode: 'timestamp_ms' }).notNull(),
})

/** A list file a curator has previewed and not yet applied (or abandoned). */
export const curationDrafts = sqliteTable(
  'curation_drafts',
  {
    id: integer('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    listSlug: text('list_slug').notNull(),
    listTitle: text('list_title').notNull(),
    createFilms: integer('create_films', { mode: 'boolean' }).notNull(),
    fileName: text('file_name').notNull(),
    source: text('source').notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('curation_drafts_user_idx').on(t.userId, t.createdAt)],
)

/** Every change a curator made: who, when, what. Kept when the curator's account is deleted. */
export const curatorChanges = sqliteTable(
  'curator_changes',
  {
    id: integer('id').primaryKey(),
    userId: text('user_id').references(() => users.id, { onDelete: 'set null' }),
    /** The curator's username when they made the change. */
    username: text('username').notNull(),
    at: integer('at', { mode: 'timestamp_ms' }).notNull(),
    kind: text('kind', { enum: ['import', 'correction', 'featured'] }).notNull(),
    listSlug: text('list_slug').notNull(),
    summary: text('summary').notNull(),
  },
  (t) => [index('curator_changes_at_idx').on(t.at)],
)

export type CuratorChange = typeof curatorChanges.$inferSelect

/**
 * Settings of the site as a whole, in one row (id 1). No row, or no featured list: the bundled
 * list is featured (db/featured-choice.ts).
 */
export const siteSettings = sqliteTable(
  'site_settings',
  {
    id: integer('id').primaryKey(),
    /** The curated list the home page shows, chosen by a curator on /curate. */
    featuredListId: integer('featured_list_id').references(() => curatedLists.id, {
      onDelete: 'set null',
    }),
  },
  (t) => [check('site_settings_one_row', sql`${t.id} = 1`)],
)
