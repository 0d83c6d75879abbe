CREATE TABLE `member_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `member_sessions_user_idx` ON `member_sessions` (`user_id`);--> statement-breakpoint
ALTER TABLE `sign_in_attempts` ADD `purpose` text DEFAULT 'sign-in' NOT NULL;