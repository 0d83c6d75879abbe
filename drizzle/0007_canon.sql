CREATE TABLE `catalogue_state` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `film_sources` (
	`film_id` integer NOT NULL,
	`fact` text NOT NULL,
	`position` integer NOT NULL,
	`url` text NOT NULL,
	`note` text,
	PRIMARY KEY(`film_id`, `fact`, `position`),
	FOREIGN KEY (`film_id`) REFERENCES `films`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `film_studios` (
	`film_id` integer NOT NULL,
	`position` integer NOT NULL,
	`name` text NOT NULL,
	PRIMARY KEY(`film_id`, `position`),
	FOREIGN KEY (`film_id`) REFERENCES `films`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `film_studios_name_idx` ON `film_studios` (`name`);--> statement-breakpoint
CREATE TABLE `person_sources` (
	`person_id` integer NOT NULL,
	`position` integer NOT NULL,
	`url` text NOT NULL,
	PRIMARY KEY(`person_id`, `position`),
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `credits` ADD `character` text;--> statement-breakpoint
ALTER TABLE `films` ADD `colour` text;--> statement-breakpoint
CREATE INDEX `films_colour_idx` ON `films` (`colour`,`sort_title`);--> statement-breakpoint
-- Studios move from a JSON column to their own indexed rows, keeping existing databases' data.
INSERT INTO `film_studios` (`film_id`, `position`, `name`)
  SELECT `films`.`id`, `je`.`key`, `je`.`value` FROM `films`, json_each(`films`.`studios`) AS `je`;--> statement-breakpoint
ALTER TABLE `films` DROP COLUMN `studios`;--> statement-breakpoint
ALTER TABLE `people` ADD `other_names` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `people` ADD `birth_year` integer;--> statement-breakpoint
ALTER TABLE `people` ADD `death_year` integer;