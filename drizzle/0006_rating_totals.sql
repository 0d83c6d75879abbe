CREATE TABLE `film_rating_totals` (
	`film_id` integer PRIMARY KEY NOT NULL,
	`sort_title` text NOT NULL,
	`rating_count` integer DEFAULT 0 NOT NULL,
	`half_star_sum` integer DEFAULT 0 NOT NULL,
	`average` real GENERATED ALWAYS AS (case when "rating_count" > 0 then "half_star_sum" * 1.0 / "rating_count" / 2 end) VIRTUAL,
	FOREIGN KEY (`film_id`) REFERENCES `films`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `film_rating_totals_rating_idx` ON `film_rating_totals` ("average" desc,"rating_count" desc,`sort_title`);--> statement-breakpoint
CREATE INDEX `film_rating_totals_most_rated_idx` ON `film_rating_totals` ("rating_count" desc,"average" desc,`sort_title`);--> statement-breakpoint
-- Hand-written below: drizzle-kit knows nothing of triggers. Every film gets its totals row,
-- backfilled from the per-score counts, then kept by the triggers in the writing statement.
INSERT INTO `film_rating_totals` (`film_id`, `sort_title`, `rating_count`, `half_star_sum`)
  SELECT `films`.`id`, `films`.`sort_title`,
    coalesce(sum(`film_rating_counts`.`count`), 0),
    coalesce(sum(`film_rating_counts`.`count` * `film_rating_counts`.`score`), 0)
  FROM `films` LEFT JOIN `film_rating_counts` ON `film_rating_counts`.`film_id` = `films`.`id`
  GROUP BY `films`.`id`;
--> statement-breakpoint
CREATE TRIGGER `films_rating_totals_insert` AFTER INSERT ON `films` BEGIN
  INSERT INTO `film_rating_totals` (`film_id`, `sort_title`) VALUES (NEW.`id`, NEW.`sort_title`);
END;
--> statement-breakpoint
CREATE TRIGGER `films_rating_totals_sort_title` AFTER UPDATE OF `sort_title` ON `films` BEGIN
  UPDATE `film_rating_totals` SET `sort_title` = NEW.`sort_title` WHERE `film_id` = NEW.`id`;
END;
--> statement-breakpoint
-- The triggers of 0005 now keep both the per-score counts and the totals, so one rating change
-- (or a deleted account's cascade of them) moves both or neither.
DROP TRIGGER `ratings_count_insert`;
--> statement-breakpoint
DROP TRIGGER `ratings_count_delete`;
--> statement-breakpoint
DROP TRIGGER `ratings_count_update`;
--> statement-breakpoint
CREATE TRIGGER `ratings_aggregates_insert` AFTER INSERT ON `ratings` BEGIN
  INSERT INTO `film_rating_counts` (`film_id`, `score`, `count`) VALUES (NEW.`film_id`, NEW.`score`, 1)
    ON CONFLICT (`film_id`, `score`) DO UPDATE SET `count` = `count` + 1;
  UPDATE `film_rating_totals`
    SET `rating_count` = `rating_count` + 1, `half_star_sum` = `half_star_sum` + NEW.`score`
    WHERE `film_id` = NEW.`film_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `ratings_aggregates_delete` AFTER DELETE ON `ratings` BEGIN
  UPDATE `film_rating_counts` SET `count` = `count` - 1
    WHERE `film_id` = OLD.`film_id` AND `score` = OLD.`score`;
  UPDATE `film_rating_totals`
    SET `rating_count` = `rating_count` - 1, `half_star_sum` = `half_star_sum` - OLD.`score`
    WHERE `film_id` = OLD.`film_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `ratings_aggregates_update` AFTER UPDATE OF `score`, `film_id` ON `ratings` BEGIN
  UPDATE `film_rating_counts` SET `count` = `count` - 1
    WHERE `film_id` = OLD.`film_id` AND `score` = OLD.`score`;
  INSERT INTO `film_rating_counts` (`film_id`, `score`, `count`) VALUES (NEW.`film_id`, NEW.`score`, 1)
    ON CONFLICT (`film_id`, `score`) DO UPDATE SET `count` = `count` + 1;
  UPDATE `film_rating_totals`
    SET `rating_count` = `rating_count` - 1, `half_star_sum` = `half_star_sum` - OLD.`score`
    WHERE `film_id` = OLD.`film_id`;
  UPDATE `film_rating_totals`
    SET `rating_count` = `rating_count` + 1, `half_star_sum` = `half_star_sum` + NEW.`score`
    WHERE `film_id` = NEW.`film_id`;
END;
