-- Full-text index over each film's titles and people, folded by db/search-text.ts (lower case, no diacritics, ё = е).
-- rowid is films.id; the app rewrites a film's row whenever its titles or credits change.
CREATE VIRTUAL TABLE `film_search` USING fts5(`body`, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');
