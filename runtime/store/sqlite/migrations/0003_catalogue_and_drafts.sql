CREATE TABLE `catalogue` (
	`id` text NOT NULL,
	`region` text NOT NULL,
	`version` text NOT NULL,
	`kind` text NOT NULL,
	`level` text NOT NULL,
	`region_name` text NOT NULL,
	`title_zh` text NOT NULL,
	`title_en` text NOT NULL,
	`department` text NOT NULL,
	`baseline_version` text,
	`hash` text NOT NULL,
	`published_at` integer NOT NULL,
	`published_by` text NOT NULL,
	PRIMARY KEY(`id`, `region`)
);
--> statement-breakpoint
CREATE INDEX `catalogue_kind` ON `catalogue` (`kind`,`id`);--> statement-breakpoint
CREATE INDEX `catalogue_region` ON `catalogue` (`region`);--> statement-breakpoint
CREATE TABLE `drafts` (
	`id` text PRIMARY KEY NOT NULL,
	`matter_id` text NOT NULL,
	`region` text NOT NULL,
	`kind` text NOT NULL,
	`base_version` text,
	`body` text NOT NULL,
	`revision` integer NOT NULL,
	`created_by` text NOT NULL,
	`updated_by` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `drafts_matter` ON `drafts` (`matter_id`,`region`);--> statement-breakpoint
ALTER TABLE `definitions` ADD `published_by` text DEFAULT '' NOT NULL;