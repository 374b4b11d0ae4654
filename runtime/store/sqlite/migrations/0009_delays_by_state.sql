PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_delays` (
	`case_id` text NOT NULL,
	`state` text NOT NULL,
	`delay` text NOT NULL,
	`event` text NOT NULL,
	`due_at` integer NOT NULL,
	PRIMARY KEY(`case_id`, `state`, `delay`)
);
--> statement-breakpoint
INSERT INTO `__new_delays`("case_id", "state", "delay", "event", "due_at") SELECT "case_id", "state", "delay", "event", "due_at" FROM `delays`;--> statement-breakpoint
DROP TABLE `delays`;--> statement-breakpoint
ALTER TABLE `__new_delays` RENAME TO `delays`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `delays_due` ON `delays` (`due_at`);