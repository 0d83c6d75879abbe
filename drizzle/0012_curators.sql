CREATE TABLE `curation_drafts` (
	`id` integer PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`list_slug` text NOT NULL,
	`list_title` text NOT NULL,
	`create_films` integer NOT NULL,
	`file_name` text NOT NULL,
	`source` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `curation_drafts_user_idx` ON `curation_drafts` (`user_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `curator_changes` (
	`id` integer PRIMARY KEY NOT NULL,
	`user_id` text,
	`username` text NOT NULL,
	`at` integer NOT NULL,
	`kind` text NOT NULL,
	`list_slug` text NOT NULL,
	`summary` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `curator_changes_at_idx` ON `curator_changes` (`at`);--> statement-breakpoint
CREATE TABLE `curators` (
	`user_id` text PRIMARY KEY NOT NULL,
	`granted_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
