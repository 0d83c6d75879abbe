PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_curated_entries` (
	`id` integer PRIMARY KEY NOT NULL,
	`list_id` integer NOT NULL,
	`film_id` integer,
	`position` integer NOT NULL,
	`listed_title` text NOT NULL,
	`listed_year` text NOT NULL,
	`description` text NOT NULL,
	`fact` text NOT NULL,
	FOREIGN KEY (`list_id`) REFERENCES `curated_lists`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`film_id`) REFERENCES `films`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
INSERT INTO `__new_curated_entries`("id", "list_id", "film_id", "position", "listed_title", "listed_year", "description", "fact") SELECT "id", "list_id", "film_id", "position", "listed_title", "listed_year", "description", "fact" FROM `curated_entries`;--> statement-breakpoint
DROP TABLE `curated_entries`;--> statement-breakpoint
ALTER TABLE `__new_curated_entries` RENAME TO `curated_entries`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `curated_entries_list_film_idx` ON `curated_entries` (`list_id`,`film_id`);--> statement-breakpoint
CREATE INDEX `curated_entries_list_position_idx` ON `curated_entries` (`list_id`,`position`);