CREATE TABLE `reference_counters` (
	`year` integer PRIMARY KEY NOT NULL,
	`last` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `cases` ADD `reference` text;--> statement-breakpoint
CREATE UNIQUE INDEX `cases_reference` ON `cases` (`reference`);--> statement-breakpoint
CREATE INDEX `cases_region` ON `cases` (`region`,`status`);--> statement-breakpoint
CREATE INDEX `cases_created` ON `cases` (`created_at`,`id`);