CREATE TABLE `site_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`featured_list_id` integer,
	FOREIGN KEY (`featured_list_id`) REFERENCES `curated_lists`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "site_settings_one_row" CHECK("site_settings"."id" = 1)
);
