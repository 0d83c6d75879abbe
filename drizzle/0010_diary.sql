CREATE TABLE `diary_entries` (
	`id` integer PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`film_id` integer NOT NULL,
	`watched_on` text NOT NULL,
	`logged_at` integer NOT NULL,
	`score` integer,
	`rewatch` integer DEFAULT false NOT NULL,
	`review` text,
	`spoilers` integer DEFAULT false NOT NULL,
	`tags` text DEFAULT '[]' NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`film_id`) REFERENCES `films`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "diary_entries_score_range" CHECK("diary_entries"."score" is null or "diary_entries"."score" between 1 and 10)
);
--> statement-breakpoint
CREATE INDEX `diary_entries_user_idx` ON `diary_entries` (`user_id`,`watched_on`,`id`);--> statement-breakpoint
CREATE INDEX `diary_entries_user_film_idx` ON `diary_entries` (`user_id`,`film_id`);--> statement-breakpoint
CREATE INDEX `diary_entries_film_reviews_idx` ON `diary_entries` (`film_id`,`logged_at`) WHERE "diary_entries"."review" is not null;--> statement-breakpoint
CREATE TABLE `pending_imports` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`rows` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `pending_imports_user_idx` ON `pending_imports` (`user_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `watched_films` (
	`user_id` text NOT NULL,
	`film_id` integer NOT NULL,
	`marked_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `film_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`film_id`) REFERENCES `films`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `watched_films_user_idx` ON `watched_films` (`user_id`,`marked_at`);--> statement-breakpoint
ALTER TABLE `users` ADD `diary_public` integer DEFAULT true NOT NULL;