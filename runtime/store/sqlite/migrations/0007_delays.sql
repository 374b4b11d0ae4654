CREATE TABLE `delays` (
	`case_id` text NOT NULL,
	`state` text NOT NULL,
	`delay` text NOT NULL,
	`event` text NOT NULL,
	`due_at` integer NOT NULL,
	PRIMARY KEY(`case_id`, `delay`)
);
--> statement-breakpoint
CREATE INDEX `delays_due` ON `delays` (`due_at`);