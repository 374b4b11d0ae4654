CREATE TABLE `cases` (
	`id` text PRIMARY KEY NOT NULL,
	`matter_id` text NOT NULL,
	`version` text NOT NULL,
	`region` text NOT NULL,
	`hash` text NOT NULL,
	`applicant` text NOT NULL,
	`state` text NOT NULL,
	`role` text,
	`status` text NOT NULL,
	`outcome` text,
	`revision` integer NOT NULL,
	`data` text NOT NULL,
	`verified` text NOT NULL,
	`context` text NOT NULL,
	`audit_head` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `cases_role_status` ON `cases` (`role`,`status`);--> statement-breakpoint
CREATE INDEX `cases_applicant` ON `cases` (`applicant`);--> statement-breakpoint
CREATE TABLE `certificates` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`document` text NOT NULL,
	`issued_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `certificates_case` ON `certificates` (`case_id`);--> statement-breakpoint
CREATE TABLE `deadlines` (
	`case_id` text NOT NULL,
	`kind` text NOT NULL,
	`due_at` integer NOT NULL,
	`met_at` integer,
	PRIMARY KEY(`case_id`, `kind`)
);
--> statement-breakpoint
CREATE INDEX `deadlines_due` ON `deadlines` (`due_at`);--> statement-breakpoint
CREATE TABLE `definitions` (
	`id` text NOT NULL,
	`version` text NOT NULL,
	`region` text NOT NULL,
	`hash` text NOT NULL,
	`body` text NOT NULL,
	`published_at` integer NOT NULL,
	PRIMARY KEY(`id`, `version`, `region`)
);
--> statement-breakpoint
CREATE TABLE `events` (
	`case_id` text NOT NULL,
	`seq` integer NOT NULL,
	`at` integer NOT NULL,
	`actor` text NOT NULL,
	`role` text NOT NULL,
	`type` text NOT NULL,
	`from_state` text,
	`to_state` text,
	`payload` text NOT NULL,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL,
	PRIMARY KEY(`case_id`, `seq`)
);
