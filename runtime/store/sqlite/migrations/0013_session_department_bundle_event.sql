ALTER TABLE `catalogue` ADD `bundle_event` text;--> statement-breakpoint
ALTER TABLE `catalogue` ADD `bundle_event_type` text;--> statement-breakpoint
ALTER TABLE `sessions` ADD `department` text;