CREATE TABLE `film_rating_counts` (
	`film_id` integer NOT NULL,
	`score` integer NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`film_id`, `score`),
	FOREIGN KEY (`film_id`) REFERENCES `films`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `list_entries` (
	`list_id` integer NOT NULL,
	`film_id` integer NOT NULL,
	`position` integer NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`added_at` integer NOT NULL,
	PRIMARY KEY(`list_id`, `film_id`),
	FOREIGN KEY (`list_id`) REFERENCES `lists`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`film_id`) REFERENCES `films`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `list_entries_position_idx` ON `list_entries` (`list_id`,`position`);--> statement-breakpoint
CREATE TABLE `lists` (
	`id` integer PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`slug` text NOT NULL,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`visibility` text DEFAULT 'private' NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `lists_user_slug_idx` ON `lists` (`user_id`,`slug`);--> statement-breakpoint
CREATE TABLE `ratings` (
	`user_id` text NOT NULL,
	`film_id` integer NOT NULL,
	`score` integer NOT NULL,
	`rated_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `film_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`film_id`) REFERENCES `films`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "ratings_score_range" CHECK("ratings"."score" between 1 and 10)
);
--> statement-breakpoint
CREATE INDEX `ratings_user_idx` ON `ratings` (`user_id`,`rated_at`);--> statement-breakpoint
CREATE TABLE `watchlist_entries` (
	`user_id` text NOT NULL,
	`film_id` integer NOT NULL,
	`added_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `film_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`film_id`) REFERENCES `films`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `watchlist_user_idx` ON `watchlist_entries` (`user_id`,`added_at`);--> statement-breakpoint
ALTER TABLE `users` ADD `watchlist_public` integer DEFAULT false NOT NULL;