-- Full-text search over the catalogue index (trigram: substrings in Chinese and English, case-insensitive), kept in
-- step with the catalogue table by triggers. Written by hand: drizzle-kit does not model virtual tables.
CREATE VIRTUAL TABLE `catalogue_fts` USING fts5(`id`, `title_zh`, `title_en`, `department`, `region_name`, content='catalogue', content_rowid='rowid', tokenize='trigram');
--> statement-breakpoint
INSERT INTO `catalogue_fts`(`catalogue_fts`) VALUES ('rebuild');
--> statement-breakpoint
CREATE TRIGGER `catalogue_fts_insert` AFTER INSERT ON `catalogue` BEGIN
  INSERT INTO `catalogue_fts`(`rowid`, `id`, `title_zh`, `title_en`, `department`, `region_name`) VALUES (new.rowid, new.id, new.title_zh, new.title_en, new.department, new.region_name);
END;
--> statement-breakpoint
CREATE TRIGGER `catalogue_fts_delete` AFTER DELETE ON `catalogue` BEGIN
  INSERT INTO `catalogue_fts`(`catalogue_fts`, `rowid`, `id`, `title_zh`, `title_en`, `department`, `region_name`) VALUES ('delete', old.rowid, old.id, old.title_zh, old.title_en, old.department, old.region_name);
END;
--> statement-breakpoint
CREATE TRIGGER `catalogue_fts_update` AFTER UPDATE ON `catalogue` BEGIN
  INSERT INTO `catalogue_fts`(`catalogue_fts`, `rowid`, `id`, `title_zh`, `title_en`, `department`, `region_name`) VALUES ('delete', old.rowid, old.id, old.title_zh, old.title_en, old.department, old.region_name);
  INSERT INTO `catalogue_fts`(`rowid`, `id`, `title_zh`, `title_en`, `department`, `region_name`) VALUES (new.rowid, new.id, new.title_zh, new.title_en, new.department, new.region_name);
END;
