-- Keeps film_rating_counts in step with ratings inside the writing transaction, so aggregates
-- stay exact under concurrent writes (including deletes cascading from a deleted account).
CREATE TRIGGER `ratings_count_insert` AFTER INSERT ON `ratings` BEGIN
  INSERT INTO `film_rating_counts` (`film_id`, `score`, `count`) VALUES (NEW.`film_id`, NEW.`score`, 1)
    ON CONFLICT (`film_id`, `score`) DO UPDATE SET `count` = `count` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `ratings_count_delete` AFTER DELETE ON `ratings` BEGIN
  UPDATE `film_rating_counts` SET `count` = `count` - 1
    WHERE `film_id` = OLD.`film_id` AND `score` = OLD.`score`;
END;
--> statement-breakpoint
CREATE TRIGGER `ratings_count_update` AFTER UPDATE OF `score`, `film_id` ON `ratings` BEGIN
  UPDATE `film_rating_counts` SET `count` = `count` - 1
    WHERE `film_id` = OLD.`film_id` AND `score` = OLD.`score`;
  INSERT INTO `film_rating_counts` (`film_id`, `score`, `count`) VALUES (NEW.`film_id`, NEW.`score`, 1)
    ON CONFLICT (`film_id`, `score`) DO UPDATE SET `count` = `count` + 1;
END;
