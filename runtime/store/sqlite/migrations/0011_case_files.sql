CREATE TABLE `case_files` (
	`case_id` text NOT NULL,
	`material_id` text NOT NULL,
	`sha256` text NOT NULL,
	`size` integer NOT NULL,
	`type` text NOT NULL,
	`uploaded_by` text NOT NULL,
	`uploaded_at` integer NOT NULL,
	`referenced_seq` integer,
	PRIMARY KEY(`case_id`, `material_id`, `sha256`)
);
--> statement-breakpoint
CREATE INDEX `case_files_sha256` ON `case_files` (`sha256`);--> statement-breakpoint
CREATE INDEX `case_files_uploaded` ON `case_files` (`uploaded_at`);