CREATE TABLE `corrections` (
	`id` integer PRIMARY KEY NOT NULL,
	`list_id` integer NOT NULL,
	`entry_id` integer,
	`field` text NOT NULL,
	`verdict` text NOT NULL,
	`claim` text NOT NULL,
	`finding` text NOT NULL,
	`related_film_id` integer,
	`sources` text DEFAULT '[]' NOT NULL,
	`position` integer NOT NULL,
	FOREIGN KEY (`list_id`) REFERENCES `curated_lists`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`entry_id`) REFERENCES `curated_entries`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`related_film_id`) REFERENCES `films`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `corrections_entry_idx` ON `corrections` (`entry_id`);--> statement-breakpoint
CREATE INDEX `corrections_list_idx` ON `corrections` (`list_id`);--> statement-breakpoint
CREATE TABLE `credits` (
	`film_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`role` text NOT NULL,
	`position` integer NOT NULL,
	PRIMARY KEY(`film_id`, `role`, `person_id`),
	FOREIGN KEY (`film_id`) REFERENCES `films`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `credits_person_idx` ON `credits` (`person_id`,`role`);--> statement-breakpoint
CREATE TABLE `curated_entries` (
	`id` integer PRIMARY KEY NOT NULL,
	`list_id` integer NOT NULL,
	`film_id` integer NOT NULL,
	`position` integer NOT NULL,
	`listed_title` text NOT NULL,
	`listed_year` text NOT NULL,
	`description` text NOT NULL,
	`fact` text NOT NULL,
	FOREIGN KEY (`list_id`) REFERENCES `curated_lists`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`film_id`) REFERENCES `films`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `curated_entries_list_film_idx` ON `curated_entries` (`list_id`,`film_id`);--> statement-breakpoint
CREATE INDEX `curated_entries_list_position_idx` ON `curated_entries` (`list_id`,`position`);--> statement-breakpoint
CREATE TABLE `curated_lists` (
	`id` integer PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`title` text NOT NULL,
	`introduction` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `curated_lists_slug_unique` ON `curated_lists` (`slug`);--> statement-breakpoint
CREATE TABLE `film_parts` (
	`film_id` integer NOT NULL,
	`position` integer NOT NULL,
	`title` text NOT NULL,
	`year` integer NOT NULL,
	PRIMARY KEY(`film_id`, `position`),
	FOREIGN KEY (`film_id`) REFERENCES `films`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `film_slug_aliases` (
	`slug` text PRIMARY KEY NOT NULL,
	`film_id` integer NOT NULL,
	FOREIGN KEY (`film_id`) REFERENCES `films`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `films` (
	`id` integer PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`title` text NOT NULL,
	`alt_titles` text DEFAULT '[]' NOT NULL,
	`original_title` text,
	`original_language` text,
	`transliteration` text,
	`local_titles` text DEFAULT '[]' NOT NULL,
	`year_start` integer NOT NULL,
	`year_end` integer,
	`runtime_minutes` integer,
	`runtime_note` text,
	`studios` text DEFAULT '[]' NOT NULL,
	`country` text,
	`synopsis` text,
	`sort_title` text NOT NULL,
	CONSTRAINT "films_year_range" CHECK("films"."year_end" is null or "films"."year_end" >= "films"."year_start")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `films_slug_unique` ON `films` (`slug`);--> statement-breakpoint
CREATE INDEX `films_year_idx` ON `films` (`year_start`,`sort_title`);--> statement-breakpoint
CREATE INDEX `films_sort_title_idx` ON `films` (`sort_title`);--> statement-breakpoint
CREATE TABLE `people` (
	`id` integer PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`original_name` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `people_slug_unique` ON `people` (`slug`);