CREATE TABLE `page_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`path` text NOT NULL,
	`changed_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `page_changes_changed_at_idx` ON `page_changes` (`changed_at`);